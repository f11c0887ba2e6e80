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
import java.util.function.Supplier;

/**
 * Classifies domain failures so that clients can tell their own mistakes (BAD_REQUEST, NOT_FOUND,
 * CONFLICT) from Playmark's. Anything not matched here stays an INTERNAL_ERROR without details.
 */
@Component
class DomainExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable exception, DataFetchingEnvironment environment) {
        return errorsOf(exception, () -> GraphqlErrorBuilder.newError(environment));
    }

    /**
     * The errors a domain failure answers, each started by {@code newError}; null when it is not one. A change refused
     * for broken rules answers one CONFLICT error per rule, each naming its field and rule.
     */
    static List<GraphQLError> errorsOf(Throwable exception, Supplier<GraphqlErrorBuilder<?>> newError) {
        return Causes.find(exception, BrokenRulesException.class)
                .map(refused -> refused.rules().stream().map(rule -> newError.get()
                        .errorType(ErrorClassification.errorClassification(ErrorKind.CONFLICT.name()))
                        .message(rule.message())
                        .extensions(Map.of("field", rule.field(), "rule", rule.rule()))
                        .build()).toList())
                .or(() -> ErrorKind.domainCause(exception).map(cause -> {
                    GraphqlErrorBuilder<?> error = newError.get()
                            .errorType(ErrorClassification.errorClassification(ErrorKind.of(cause).orElseThrow().name()))
                            .message(message(cause));
                    if (cause instanceof InvalidValueException invalid) {
                        error.extensions(Map.of("field", invalid.field(), "rule", "invalid"));
                    }
                    return List.of(error.build());
                }))
                .orElse(null);
    }

    /** A race still lost after the gateway's retries says so in the client's terms; the rest speak for themselves. */
    private static String message(Throwable cause) {
        return cause instanceof ConcurrencyException
                ? "Others changed this at the same time, again and again; nothing was changed by this request: "
                  + "read it again and retry"
                : cause.getMessage();
    }
}
