package io.playmark.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.playmark.kernel.ConflictException;
import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.UnavailableException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Classifies domain failures so that clients can tell their own mistakes (BAD_REQUEST, NOT_FOUND,
 * CONFLICT) from Playmark's. Anything not matched here stays an INTERNAL_ERROR without details.
 */
@Component
class DomainExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        Throwable cause = unwrap(exception);
        return switch (cause) {
            case InvalidValueException invalid -> error(environment, ErrorKind.BAD_REQUEST, invalid.getMessage())
                    .extensions(Map.of("field", invalid.field())).build();
            case NotFoundException notFound -> error(environment, ErrorKind.NOT_FOUND, notFound.getMessage()).build();
            case ConflictException conflict -> error(environment, ErrorKind.CONFLICT, conflict.getMessage()).build();
            case UnavailableException unavailable -> error(environment, ErrorKind.UNAVAILABLE, unavailable.getMessage())
                    .build();
            // still losing the race for its aggregate after the gateway's retries: a real conflict
            case ConcurrencyException raced -> error(environment, ErrorKind.CONFLICT, "Others changed this at the same "
                    + "time, again and again; nothing was changed by this request: read it again and retry").build();
            default -> null;
        };
    }

    private static GraphqlErrorBuilder<?> error(DataFetchingEnvironment environment, ErrorKind kind, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .errorType(ErrorClassification.errorClassification(kind.name())).message(message);
    }

    /** Axon wraps handler failures that cross a gateway; the domain's own exception is a cause. */
    private static Throwable unwrap(Throwable exception) {
        for (Throwable current = exception; current != null; current = current.getCause()) {
            if (current instanceof InvalidValueException || current instanceof NotFoundException
                    || current instanceof ConflictException || current instanceof UnavailableException
                    || current instanceof ConcurrencyException) {
                return current;
            }
        }
        return exception;
    }
}
