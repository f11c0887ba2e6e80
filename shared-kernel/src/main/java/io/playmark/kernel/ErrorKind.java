package io.playmark.kernel;

import org.axonframework.modelling.command.ConcurrencyException;

import java.net.URI;
import java.util.Optional;

/**
 * The one catalogue of error kinds (docs/errors.md). REST answers carry {@link #type()} as the RFC 9457
 * problem {@code type} and {@link #status()} as the HTTP status; GraphQL errors carry {@link #name()} as
 * {@code extensions.classification}, so a client handles a kind alike on both APIs.
 */
public enum ErrorKind {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private static final String TYPE_PREFIX = "urn:playmark:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ErrorKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI, e.g. {@code urn:playmark:problem:bad-request}. */
    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    /**
     * The kind of a failure the domain raised (a value that breaks a rule, an unknown id, a conflict, a part this
     * instance does not run, a race for an aggregate lost for good), found among its causes, since Axon wraps
     * what crosses a gateway; empty for any other failure, which is Playmark's and not the client's.
     */
    public static Optional<ErrorKind> of(Throwable failure) {
        return domainCause(failure).map(cause -> switch (cause) {
            case InvalidValueException invalid -> BAD_REQUEST;
            case NotFoundException notFound -> NOT_FOUND;
            case UnavailableException unavailable -> UNAVAILABLE;
            case ContentTooLargeException tooLarge -> PAYLOAD_TOO_LARGE;
            case UnsupportedContentException unsupported -> UNSUPPORTED_MEDIA_TYPE;
            default -> CONFLICT;
        });
    }

    /** The domain's own failure among the causes of {@code failure}, if there is one. */
    public static Optional<Throwable> domainCause(Throwable failure) {
        return Causes.first(failure, cause -> cause instanceof InvalidValueException
                || cause instanceof NotFoundException || cause instanceof ConflictException
                || cause instanceof UnavailableException || cause instanceof ContentTooLargeException
                || cause instanceof UnsupportedContentException || cause instanceof ConcurrencyException);
    }

    /** The kind an HTTP status stands for; a status without a kind of its own falls to its class's general kind. */
    public static ErrorKind ofStatus(int status) {
        for (ErrorKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
