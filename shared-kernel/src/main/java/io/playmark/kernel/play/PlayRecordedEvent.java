package io.playmark.kernel.play;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A play was recorded: the screen {@code playerId} played {@code assetId} (for {@code campaignId}, or as content when
 * null) from {@code startedAt} for {@code durationMs}. The only event of a play's aggregate.
 */
@Revision("1")
public record PlayRecordedEvent(String playId, String playerId, String assetId, String campaignId, Instant startedAt,
                                long durationMs, long plannedDurationMs, Outcome outcome, String error,
                                Audience audience, Instant receivedAt) {
}
