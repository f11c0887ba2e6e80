package io.playmark.infra.limits;

import io.playmark.kernel.Causes;

import java.io.IOException;

/**
 * Thrown by a request body's stream when a body sent without a Content-Length (chunked) grows past its limit. It is
 * an IOException, as any failure to read a body is, so whoever is reading stops; {@link BodyTooLargeResolver} and
 * {@link BodyLimitFilter} find it among the causes and answer 413.
 */
class BodyTooLargeException extends IOException {

    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + BodyLimits.readable(maxBytes));
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The limit exceeded, when {@code failure} or one of its causes is this exception. */
    static BodyTooLargeException among(Throwable failure) {
        return Causes.find(failure, BodyTooLargeException.class).orElse(null);
    }
}
