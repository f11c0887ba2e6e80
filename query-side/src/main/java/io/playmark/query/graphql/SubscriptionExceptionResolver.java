package io.playmark.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.playmark.kernel.ErrorKind;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Classifies a subscription's failures as queries' are: domain failures by the catalogue, a refused role as FORBIDDEN
 * (queries get that from Spring Security's own resolver, which subscriptions do not pass through).
 */
@Component
class SubscriptionExceptionResolver extends SubscriptionExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable exception) {
        List<GraphQLError> domain = DomainExceptionResolver.errorsOf(exception, GraphqlErrorBuilder::newError);
        if (domain != null) {
            return domain;
        }
        ErrorKind refused = switch (exception) {
            case AuthenticationException unauthenticated -> ErrorKind.UNAUTHORIZED;
            case AccessDeniedException denied -> ErrorKind.FORBIDDEN;
            default -> null;
        };
        return refused == null ? null : List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorClassification.errorClassification(refused.name()))
                .message(refused.title()).build());
    }
}
