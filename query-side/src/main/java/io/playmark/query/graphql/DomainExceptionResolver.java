package io.playmark.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.Causes;
import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Classifies domain failures so that clients can tell their own mistakes (BAD_REQUEST, NOT_FOUND,
 * CONFLICT) from Playmark's. Anything not matched here stays an INTERNAL_ERROR without details.
 */
@Component
class DomainExceptionResolver extends DataFetcherExceptionResolverAdapter {

    /** A change refused for broken rules answers one CONFLICT error per rule, each naming its field and rule. */
    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable exception, DataFetchingEnvironment environment) {
        return Causes.find(exception, BrokenRulesException.class)
                .map(refused -> refused.rules().stream().map(rule -> GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorClassification.errorClassification(ErrorKind.CONFLICT.name()))
                        .message(rule.message())
                        .extensions(Map.of("field", rule.field(), "rule", rule.rule()))
                        .build()).toList())
                .orElseGet(() -> {
                    GraphQLError single = resolveToSingleError(exception, environment);
                    return single == null ? null : List.of(single);
                });
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        return ErrorKind.domainCause(exception).map(cause -> {
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(environment)
                    .errorType(ErrorClassification.errorClassification(ErrorKind.of(cause).orElseThrow().name()))
                    .message(message(cause));
            if (cause instanceof InvalidValueException invalid) {
                error.extensions(Map.of("field", invalid.field(), "rule", "invalid"));
            }
            return error.build();
        }).orElse(null);
    }

    /** A race still lost after the gateway's retries says so in the client's terms; the rest speak for themselves. */
    private static String message(Throwable cause) {
        return cause instanceof ConcurrencyException
                ? "Others changed this at the same time, again and again; nothing was changed by this request: "
                  + "read it again and retry"
                : cause.getMessage();
    }
}
