package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which plays are accepted by when they started, judged against the server's time of the upload: none older than
 * the retention (its analytics would be dropped already) nor further in the future than the clock skew a screen's
 * clock may have ({@code playmark.plays.retention}, {@code playmark.plays.clock-skew}).
 */
public record PlayWindow(Duration retention, Duration clockSkew) {

    public PlayWindow {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (retention.isNegative() || retention.isZero() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("The retention must be positive and the clock skew not negative, were "
                    + retention + " and " + clockSkew);
        }
    }

    /** Fails, naming {@code startedAt}, unless a play that started then may be recorded when received then. */
    void check(Instant startedAt, Instant receivedAt) {
        if (startedAt.isBefore(receivedAt.minus(retention))) {
            throw new InvalidValueException("startedAt", "the play started at " + startedAt + ", before the retention "
                    + "window of " + retention.toDays() + " days");
        }
        if (startedAt.isAfter(receivedAt.plus(clockSkew))) {
            throw new InvalidValueException("startedAt", "the play starts at " + startedAt + ", further in the future "
                    + "than the clock-skew tolerance of " + clockSkew.toSeconds() + " s");
        }
    }
}
