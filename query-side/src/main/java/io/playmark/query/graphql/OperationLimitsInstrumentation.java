package io.playmark.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import io.playmark.kernel.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses an operation over the {@link GraphQlLimits} as soon as it is parsed, before validation (whose cost also
 * grows with aliases and fragments) and execution: one BAD_REQUEST error per limit exceeded, whose extensions name
 * the {@code limit} and give its {@code allowed} and {@code actual} values.
 */
class OperationLimitsInstrumentation implements Instrumentation {

    private final GraphQlLimits limits;

    OperationLimitsInstrumentation(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                          InstrumentationState state) {
        OperationSize size = OperationSize.of(parameters.getDocument(), parameters.getOperation(),
                parameters.getVariables(), parameters.getSchema());
        List<GraphQLError> exceeded = new ArrayList<>();
        check("max-depth", "The operation nests fields %d deep; at most %d levels are allowed",
                limits.maxDepth(), size.depth(), exceeded);
        check("max-complexity", "The operation would resolve up to %d fields (a field with a first argument counts "
                + "its children that many times); at most %d are allowed", limits.maxComplexity(), size.complexity(),
                exceeded);
        check("max-aliases", "The operation has %d aliased fields; at most %d are allowed",
                limits.maxAliases(), size.aliases(), exceeded);
        if (!exceeded.isEmpty()) {
            throw new AbortExecutionException(exceeded);
        }
        return null;
    }

    private static void check(String limit, String message, long allowed, long actual, List<GraphQLError> exceeded) {
        if (actual <= allowed) {
            return;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("allowed", allowed);
        extensions.put("actual", actual);
        exceeded.add(GraphQLError.newError()
                .message(message.formatted(actual, allowed)
                        + " (" + limit + ")")
                .errorType(ErrorClassification.errorClassification(ErrorKind.BAD_REQUEST.name()))
                .extensions(extensions)
                .build());
    }
}
