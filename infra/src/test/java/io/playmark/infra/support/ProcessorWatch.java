package io.playmark.infra.support;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

/** Follows an event processor through {@code GET /api/v1/admin/processors/{name}} until it reaches a state. */
public final class ProcessorWatch {

    private ProcessorWatch() {
    }

    /** The first status that satisfies {@code reached}; fails with the last status seen after {@code timeout}. */
    public static JsonNode await(PlaymarkApi admin, String processor, String state, Predicate<JsonNode> reached,
                                 Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PlaymarkApi.Response response = admin.get("/api/v1/admin/processors/" + processor);
            if (response.status() == 200 && reached.test(response.body())) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(processor + " was not " + state + " within " + timeout + ": "
                                         + response.body());
            }
            Thread.sleep(100);
        }
    }

    /** Every segment is claimed and has handled all events available to it. */
    public static Predicate<JsonNode> caughtUp() {
        return status -> !status.path("segments").isEmpty()
                && status.path("segments").valueStream().allMatch(segment -> segment.path("caughtUp").asBoolean());
    }

    /** Caught up, and standing at {@code position} or past it. */
    public static Predicate<JsonNode> caughtUpWith(long position) {
        return status -> caughtUp().test(status)
                && status.path("position").isNumber()
                && status.path("position").asLong() >= position;
    }

    /** Caught up with the head of the store as that status itself reports it. */
    public static Predicate<JsonNode> caughtUpWithTheHead() {
        return status -> status.path("headPosition").isNumber()
                && caughtUpWith(status.path("headPosition").asLong()).test(status);
    }
}
