package io.playmark.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import io.playmark.kernel.ErrorKind;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts every GraphQL error, whoever raised it (graphql-java's validation, Spring Security, our resolvers),
 * into the catalogue that REST uses: {@code extensions.classification} is an {@link ErrorKind} name,
 * {@code extensions.type} its problem type, {@code extensions.correlationId} the request's id.
 */
@Component
class ErrorCatalogueInterceptor implements WebGraphQlInterceptor {

    /** The request attribute that infra's correlation filter sets. */
    static final String CORRELATION_ATTRIBUTE = "playmark.correlationId";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object correlationId = request.getAttributes().get(CORRELATION_ATTRIBUTE);
        return chain.next(request).map(response -> response.getErrors().isEmpty() ? response
                : response.transform(builder -> builder.errors(
                        response.getErrors().stream().map(error -> catalogued(error, correlationId)).toList())));
    }

    private static GraphQLError catalogued(ResponseError error, Object correlationId) {
        ErrorKind kind = kindOf(error.getErrorType());
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("type", kind.type().toString());
        if (correlationId != null) {
            extensions.put("correlationId", correlationId);
        }
        return GraphQLError.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(ErrorClassification.errorClassification(kind.name()))
                .extensions(extensions)
                .build();
    }

    /** graphql-java's own classes (ValidationError, InvalidSyntax, …) are the client's mistakes. */
    static ErrorKind kindOf(ErrorClassification classification) {
        String name = classification == null ? "" : classification.toString();
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return switch (name) {
            case "ValidationError", "InvalidSyntax", "OperationNotSupported", "ExecutionAborted" -> ErrorKind.BAD_REQUEST;
            default -> ErrorKind.INTERNAL_ERROR;
        };
    }

}
