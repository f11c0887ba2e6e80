package io.playmark.query.player;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;

/** A player as both APIs answer it: the directory's record, its status and when it was last heard from. */
@Schema(name = "Player")
record PlayerNode(
        @Schema(description = "The player's id, a UUID") String id,
        @Schema(example = "Lobby screen 1") String name,
        GeoPoint location,
        @Schema(example = "Alexanderplatz 1, 10178 Berlin") String address,
        @Schema(description = "IANA time zone its local time is in", example = "Europe/Berlin") String timeZone,
        Set<String> tags,
        Resolution resolution,
        Orientation orientation,
        @Schema(description = "One of the configured player profiles", example = "hd-h264") String hardwareProfile,
        @Schema(example = "300") long loopLengthSeconds,
        PlayerStatus status,
        @Schema(description = "When it last sent a heartbeat (or a play); null if never") Instant lastSeenAt,
        @Schema(description = "The groups it is in now") Set<String> groupIds,
        Instant registeredAt,
        @Schema(description = "When its current API key was issued") Instant apiKeyIssuedAt,
        Instant updatedAt,
        long version) {

    @Schema(name = "PlayerResolution")
    record Resolution(int width, int height) {
    }

    static PlayerNode of(PlayerView view, PlayerStatus status, Instant lastSeenAt) {
        return new PlayerNode(view.id(), view.name(), view.location(), view.address(), view.timeZone(), view.tags(),
                new Resolution(view.width(), view.height()), view.orientation(), view.hardwareProfile(),
                view.loopLengthSeconds(), status, lastSeenAt, view.groups(), view.registeredAt(), view.keyIssuedAt(),
                view.updatedAt(), view.version());
    }
}
