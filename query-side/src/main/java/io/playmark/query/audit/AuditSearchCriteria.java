package io.playmark.query.audit;

import io.playmark.kernel.InvalidValueException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What an audit search asks for; every part is optional, time is [from, to). */
public record AuditSearchCriteria(String principal, String eventType, String aggregateType, String aggregateId,
                                  Instant from, Instant to) {

    public AuditSearchCriteria {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidValueException("to", "The end of the time range must come after its start " + from);
        }
    }

    /** Reads the range's ends from ISO-8601 text, naming the field that is not one. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "Not an ISO-8601 instant such as 2026-12-04T08:00:00Z: " + text);
        }
    }
}
