package io.playmark.kernel.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.player.PlayerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Records that a player played an asset (of a campaign, or as content without one). {@code receivedAt} is the
 * server's time of the upload, against which the play's age and clock skew are judged.
 *
 * @param campaignId null for content played outside any campaign
 * @param error      why a play failed, as the player says it; null when none
 * @param audience   null when the player measures no audience
 */
public record RecordPlayCommand(@TargetAggregateIdentifier PlayId playId, PlayerId playerId, AssetId assetId,
                                CampaignId campaignId, Instant startedAt, long durationMs, long plannedDurationMs,
                                Outcome outcome, String error, Audience audience, Instant receivedAt) {

    /** The longest error text kept: enough for a decoder's message, not for a log file. */
    public static final int MAX_ERROR_LENGTH = 500;

    public RecordPlayCommand {
        Objects.requireNonNull(playId, "playId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (assetId == null) {
            throw new InvalidValueException("assetId", "assetId is required");
        }
        if (startedAt == null) {
            throw new InvalidValueException("startedAt", "startedAt is required");
        }
        if (outcome == null) {
            throw new InvalidValueException("outcome", "outcome is required");
        }
        if (durationMs < 0) {
            throw new InvalidValueException("durationMs", "durationMs must not be negative, was " + durationMs);
        }
        if (plannedDurationMs < 0) {
            throw new InvalidValueException("plannedDurationMs", "plannedDurationMs must not be negative, was "
                    + plannedDurationMs);
        }
        if (error != null) {
            error = error.strip();
            if (error.isEmpty()) {
                error = null;
            } else if (error.length() > MAX_ERROR_LENGTH) {
                throw new InvalidValueException("error", "error has " + error.length() + " characters; at most "
                        + MAX_ERROR_LENGTH + " are kept");
            }
        }
    }
}
