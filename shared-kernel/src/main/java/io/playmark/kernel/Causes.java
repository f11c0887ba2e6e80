package io.playmark.kernel;

import java.util.Optional;
import java.util.function.Predicate;

/** Finds a failure among the causes of another: Axon, Spring and servlet containers wrap what they pass on. */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code failure} and its causes that matches. */
    public static Optional<Throwable> first(Throwable failure, Predicate<Throwable> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (matches.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** The first of {@code failure} and its causes of this type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return first(failure, type::isInstance).map(type::cast);
    }
}
