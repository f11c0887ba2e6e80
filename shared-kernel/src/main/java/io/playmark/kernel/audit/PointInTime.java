package io.playmark.kernel.audit;

import io.playmark.kernel.InvalidValueException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A point in an aggregate's history: after the event with this sequence number, or after every event recorded at or
 * before this instant. Exactly one of the two is set.
 */
public record PointInTime(Long sequence, Instant instant) {

    public PointInTime {
        if ((sequence == null) == (instant == null)) {
            throw new InvalidValueException("at", "a point in time is a sequence number or an instant, not both");
        }
        if (sequence != null && sequence < 0) {
            throw new InvalidValueException("at", "a sequence number is 0 or more, was " + sequence);
        }
    }

    /** A sequence number (digits) or an ISO-8601 instant, as a client writes it; {@code field} names the input. */
    public static PointInTime parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, field + " is required: a sequence number or an ISO-8601 instant");
        }
        String value = text.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return new PointInTime(Long.parseLong(value), null);
            } catch (NumberFormatException tooLong) {
                throw new InvalidValueException(field, field + " is too large a sequence number: " + value);
            }
        }
        try {
            return new PointInTime(null, Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be a sequence number or an ISO-8601 instant such "
                    + "as 2026-12-04T14:00:00Z, was '" + value + "'");
        }
    }

    /** Whether an event at this sequence number and time is part of the state at this point. */
    public boolean includes(long eventSequence, Instant eventTime) {
        return sequence != null ? eventSequence <= sequence : !eventTime.isAfter(instant);
    }

    @Override
    public String toString() {
        return sequence != null ? sequence.toString() : instant.toString();
    }
}
