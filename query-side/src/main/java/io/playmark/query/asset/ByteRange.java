package io.playmark.query.asset;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a blob a {@code Range} header asks for (RFC 9110 §14): {@code bytes=first-last},
 * {@code bytes=first-} or {@code bytes=-suffixLength}. A header that is not one range of bytes (several ranges,
 * another unit, garbage) is ignored, as the RFC allows, and the whole blob is sent.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** A range that starts past the end of the blob: 416, and Content-Range tells the size, so the client can ask again. */
    static final class Unsatisfiable extends ErrorResponseException {

        private final HttpHeaders headers = new HttpHeaders();

        Unsatisfiable(long size) {
            super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "The range asked for starts past the end of the file, which has " + size + " bytes"), null);
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    /** The range asked of a blob of {@code size} bytes; empty when the whole blob is to be sent. */
    static Optional<ByteRange> of(String header, long size) {
        Matcher matcher = header == null ? null : SINGLE.matcher(header);
        if (matcher == null || !matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
            if (first >= size) {
                throw new Unsatisfiable(size);
            }
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
