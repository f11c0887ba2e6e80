package io.playmark.command.play;

import io.playmark.kernel.Ids;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.play.Audience;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayId;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.player.PlayerId;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads one play of an upload from its JSON, field by field, so that a malformed play is refused alone (naming the
 * field) while the rest of the batch is recorded.
 */
final class PlayItem {

    private final JsonNode item;

    private PlayItem(JsonNode item) {
        this.item = item;
    }

    /** The command the item asks for, or an {@link InvalidValueException} naming the first field at fault. */
    static RecordPlayCommand command(JsonNode item, PlayerId player, Instant receivedAt) {
        if (item == null || !item.isObject()) {
            throw new InvalidValueException("", "a play must be a JSON object");
        }
        PlayItem play = new PlayItem(item);
        PlayId playId = new PlayId(play.text("playId", true));
        AssetId assetId = new AssetId(Ids.requireUuid("assetId", "asset id", play.text("assetId", true)));
        String campaign = play.text("campaignId", false);
        CampaignId campaignId = campaign == null ? null
                : new CampaignId(Ids.requireUuid("campaignId", "campaign id", campaign));
        return new RecordPlayCommand(playId, player, assetId, campaignId, play.instant("startedAt"),
                play.number(item, "durationMs", "durationMs", true), play.number(item, "plannedDurationMs",
                "plannedDurationMs", true), Outcome.of("outcome", play.text("outcome", true)),
                play.text("error", false), play.audience(), receivedAt);
    }

    /** The play's id as sent, when it can be read, to name a refused play by. */
    static String playIdOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("playId");
        return id != null && id.isString() ? id.stringValue() : null;
    }

    private String text(String field, boolean required) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidValueException(field, field + " is required");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidValueException(field, field + " must be a string, was " + value);
        }
        return value.stringValue();
    }

    private Instant instant(String field) {
        String value = text(field, true);
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException noOffset) {
            throw new InvalidValueException(field, field + " must be an ISO 8601 date and time with an offset, e.g. "
                    + "2026-12-03T09:15:30.250+01:00 or …Z, was '" + value + "'");
        }
    }

    private long number(JsonNode holder, String field, String path, boolean required) {
        JsonNode value = holder.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidValueException(path, path + " is required");
            }
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidValueException(path, path + " must be a whole number, was " + value);
        }
        return value.longValue();
    }

    private Audience audience() {
        JsonNode audience = item.get("audience");
        if (audience == null || audience.isNull()) {
            return null;
        }
        if (!audience.isObject()) {
            throw new InvalidValueException("audience", "audience must be an object with impressions and dwellMs");
        }
        return new Audience(number(audience, "impressions", "audience.impressions", true),
                number(audience, "dwellMs", "audience.dwellMs", false));
    }
}
