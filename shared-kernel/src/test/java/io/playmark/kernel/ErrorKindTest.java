package io.playmark.kernel;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue: which kind each failure and each HTTP status is. */
class ErrorKindTest {

    @Test
    void each_domain_failure_has_its_kind_also_when_wrapped() {
        Map<Throwable, ErrorKind> kinds = Map.of(
                new InvalidValueException("name", "must not be blank"), ErrorKind.BAD_REQUEST,
                new NotFoundException("no such thing"), ErrorKind.NOT_FOUND,
                new ConflictException("exists with other values"), ErrorKind.CONFLICT,
                new UnavailableException("not on this instance"), ErrorKind.UNAVAILABLE,
                new ContentTooLargeException("over 2 GB"), ErrorKind.PAYLOAD_TOO_LARGE,
                new UnsupportedContentException("a program, not an image"), ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                new ConcurrencyException("another append came first"), ErrorKind.CONFLICT,
                new RuntimeException("wrapped by a gateway", new NotFoundException("no such thing")), ErrorKind.NOT_FOUND);

        kinds.forEach((failure, kind) -> assertThat(ErrorKind.of(failure)).as(failure.toString()).hasValue(kind));
    }

    @Test
    void any_other_failure_is_no_client_kind() {
        assertThat(ErrorKind.of(new IllegalStateException("a bug"))).isEqualTo(Optional.empty());
        assertThat(ErrorKind.of(new RuntimeException("outer", new NullPointerException()))).isEmpty();
    }

    @Test
    void statuses_map_to_their_kind_or_their_class_general_one() {
        Map<Integer, ErrorKind> kinds = Map.of(400, ErrorKind.BAD_REQUEST, 404, ErrorKind.NOT_FOUND,
                413, ErrorKind.PAYLOAD_TOO_LARGE, 416, ErrorKind.RANGE_NOT_SATISFIABLE, 429, ErrorKind.RATE_LIMITED, 503, ErrorKind.UNAVAILABLE,
                418, ErrorKind.BAD_REQUEST, 502, ErrorKind.INTERNAL_ERROR);

        kinds.forEach((status, kind) -> assertThat(ErrorKind.ofStatus(status)).as("status %d", status).isEqualTo(kind));
        assertThat(ErrorKind.RATE_LIMITED.type()).hasToString("urn:playmark:problem:rate-limited");
    }
}
