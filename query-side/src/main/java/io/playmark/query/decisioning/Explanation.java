package io.playmark.query.decisioning;

import java.util.function.Supplier;

/**
 * A {@link Reason} with the detail a person needs to act on it (the local time evaluated, the winning campaign).
 * The detail is written only when read: a day's timeline rules out thousands of campaigns that nobody asks about.
 */
public record Explanation(Reason reason, Supplier<String> because) {

    public String detail() {
        return because.get();
    }
}
