package io.playmark.query.player;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.GeoArea;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.LoopLength;
import io.playmark.kernel.player.PlayerDetails;
import io.playmark.kernel.player.PlayerGroupMembership;
import io.playmark.kernel.player.PlayerGroupRule;
import io.playmark.kernel.player.PlayerLocation;
import io.playmark.kernel.player.Resolution;
import io.playmark.kernel.player.TimeZones;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** What clients send about players and groups, over GraphQL and REST alike, and how it becomes domain values. */
final class PlayerInputs {

    private PlayerInputs() {
    }

    @Schema(name = "GeoPointInput")
    record GeoPointInput(@Schema(example = "52.5219", requiredMode = REQUIRED) Double latitude,
                         @Schema(example = "13.4132", requiredMode = REQUIRED) Double longitude) {

        GeoPoint point(String field) {
            if (latitude == null || longitude == null) {
                throw new InvalidValueException(field, field + " needs a latitude and a longitude");
            }
            return new GeoPoint(latitude, longitude);
        }
    }

    @Schema(name = "ResolutionInput")
    record ResolutionInput(@Schema(example = "1920", requiredMode = REQUIRED) Integer width,
                           @Schema(example = "1080", requiredMode = REQUIRED) Integer height) {

        Resolution resolution() {
            if (width == null || height == null) {
                throw new InvalidValueException("resolution", "resolution needs a width and a height");
            }
            return new Resolution(width, height);
        }
    }

    @Schema(name = "RegisterPlayer", description = "A screen to register; id optional (send one to make retries safe)")
    record RegisterPlayerInput(@Schema(description = "A UUID; generated when left out") String id,
                               @Schema(example = "Lobby screen 1", requiredMode = REQUIRED) String name,
                               @Schema(requiredMode = REQUIRED) GeoPointInput location,
                               @Schema(example = "Alexanderplatz 1, 10178 Berlin") String address,
                               @Schema(description = "An IANA time zone", example = "Europe/Berlin",
                                       requiredMode = REQUIRED) String timeZone,
                               @Schema(description = "At most 50") List<String> tags,
                               @Schema(requiredMode = REQUIRED) ResolutionInput resolution,
                               @Schema(description = "From the resolution when left out") Orientation orientation,
                               @Schema(description = "One of the configured player profiles", example = "hd-h264",
                                       requiredMode = REQUIRED) String hardwareProfile,
                               @Schema(description = "30 to 3600; 300 when left out") Integer loopLengthSeconds) {

        PlayerDetails details() {
            return new PlayerDetails(name, required(resolution, "resolution").resolution(), orientation,
                    LoopLength.ofSeconds(loopLengthSeconds));
        }

        PlayerLocation placement() {
            return new PlayerLocation(required(location, "location").point("location"), address,
                    TimeZones.of("timeZone", timeZone));
        }
    }

    /** Every field but the id may be left out: it keeps its value. */
    record UpdatePlayerInput(String id, String name, GeoPointInput location, String address, String timeZone,
                             List<String> tags, ResolutionInput resolution, Orientation orientation,
                             String hardwareProfile, Integer loopLengthSeconds) {

        PlayerDetails details(PlayerView current) {
            return new PlayerDetails(name == null ? current.name() : name,
                    resolution == null ? new Resolution(current.width(), current.height()) : resolution.resolution(),
                    orientation == null ? current.orientation() : orientation,
                    LoopLength.ofSeconds(loopLengthSeconds == null ? (int) current.loopLengthSeconds() : loopLengthSeconds));
        }

        PlayerLocation placement(PlayerView current) {
            return new PlayerLocation(location == null ? current.location() : location.point("location"),
                    address == null ? current.address() : address,
                    TimeZones.of("timeZone", timeZone == null ? current.timeZone() : timeZone));
        }

        Set<Tag> tagsOr(PlayerView current) {
            return Tag.of(tags == null ? List.copyOf(current.tags()) : tags);
        }
    }

    record CircleInput(GeoPointInput centre, Double radiusMetres) {

        GeoArea.Circle circle() {
            if (radiusMetres == null) {
                throw new InvalidValueException("radiusMetres", "a circle needs radiusMetres");
            }
            return new GeoArea.Circle(required(centre, "centre").point("centre"), radiusMetres);
        }
    }

    record PlayerGroupRuleInput(List<String> anyTags, List<String> allTags, CircleInput circle,
                                List<GeoPointInput> polygon, List<String> timeZones) {

        PlayerGroupRule rule() {
            return new PlayerGroupRule(set(anyTags), set(allTags), circle == null ? null : circle.circle(),
                    polygon == null ? null : new GeoArea.Polygon(polygon.stream()
                            .map(corner -> corner.point("polygon")).toList()), set(timeZones));
        }
    }

    /** A group: a fixed list of players or a rule; {@code name} may be left out on update only. */
    record PlayerGroupInput(String id, String name, String description, List<String> players,
                            PlayerGroupRuleInput rule) {

        PlayerGroupMembership membership() {
            if (players != null && rule != null) {
                throw new InvalidValueException("players", "a group is either a fixed list of players or a rule, "
                        + "not both");
            }
            return rule != null ? PlayerGroupMembership.byRule(rule.rule())
                    : PlayerGroupMembership.fixed(set(players));
        }

        PlayerGroupMembership membershipOr(PlayerGroupMembership current) {
            return players == null && rule == null ? current : membership();
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
