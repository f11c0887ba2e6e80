package io.playmark.query.play;

import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayRecordedEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One play as analysts read it in the {@value PlayIndex#ALIAS} index: the play's own fields, with the player's,
 * asset's and campaign's names as they were when it was indexed, and its local date and hour in the player's zone.
 * docs/analytics.md describes every field.
 */
public record PlayDocument(String playId, String playerId, String playerName, List<String> playerTags,
                           List<String> playerGroups, List<String> playerGroupNames, String timeZone, Location location, String assetId, String assetName, String assetType,
                           String campaignId, String campaignName, String advertiser, Instant startedAt,
                           Instant endedAt, Instant receivedAt, long durationMs, long plannedDurationMs,
                           Outcome outcome, String error, long impressions, long dwellMs, String localDate,
                           int localHour, List<PlayFlag> flags) {

    /** A point as Elasticsearch's geo_point reads it. */
    public record Location(double lat, double lon) {
    }

    static PlayDocument of(PlayRecordedEvent play, PlayReferences.Known known) {
        ZoneId zone = known.player() == null ? ZoneOffset.UTC : ZoneId.of(known.player().timeZone());
        LocalDateTime local = LocalDateTime.ofInstant(play.startedAt(), zone);
        return new PlayDocument(play.playId(), play.playerId(),
                known.player() == null ? null : known.player().name(),
                known.player() == null ? List.of() : List.copyOf(known.player().tags()),
                known.player() == null ? List.of() : known.player().groups().stream().map(g -> g.id()).toList(),
                known.player() == null ? List.of() : known.player().groups().stream().map(g -> g.name()).toList(),
                zone.getId(),
                known.player() == null || known.player().location() == null ? null
                        : new Location(known.player().location().latitude(), known.player().location().longitude()),
                play.assetId(), known.asset() == null ? null : known.asset().title(),
                known.asset() == null || known.asset().kind() == null ? null : known.asset().kind().name(),
                play.campaignId(), known.campaign() == null ? null : known.campaign().name(),
                known.campaign() == null ? null : known.campaign().advertiser(), play.startedAt(),
                play.startedAt().plusMillis(play.durationMs()), play.receivedAt(), play.durationMs(),
                play.plannedDurationMs(), play.outcome(), play.error(),
                play.audience() == null ? 0 : play.audience().impressions(),
                play.audience() == null ? 0 : play.audience().dwellMs(), local.toLocalDate().toString(),
                local.getHour(), known.flags(play));
    }
}
