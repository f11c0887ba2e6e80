package io.playmark.query.decisioning;

/** A {@link Reason} with the detail a person needs to act on it (the local time evaluated, the winning campaign). */
public record Explanation(Reason reason, String detail) {
}
