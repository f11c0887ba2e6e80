package io.playmark.kernel.schedule;

import java.time.Instant;
import java.time.LocalDateTime;

/** One expanded occurrence of a schedule: its UTC span and the local start it was computed from. */
public record Occurrence(Instant start, Instant end, LocalDateTime localStart) {
}
