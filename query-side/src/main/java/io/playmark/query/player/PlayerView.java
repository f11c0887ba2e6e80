package io.playmark.query.player;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * One player as the directory keeps it, with the groups it is in now. Small collection (one document per screen):
 * lists are read by scanning it, in name order (the index a real MongoDB would use is declared).
 */
@Document(PlayerView.COLLECTION)
public record PlayerView(@Id String id, String name, GeoPoint location, String address, String timeZone,
                         Set<String> tags, int width, int height, Orientation orientation, String hardwareProfile,
                         long loopLengthSeconds, boolean decommissioned, Set<String> groups, Instant registeredAt,
                         Instant keyIssuedAt, Instant updatedAt, long version) {

    public static final String COLLECTION = "players";

    public PlayerView {
        tags = tags == null ? Set.of() : new TreeSet<>(tags);
        groups = groups == null ? Set.of() : new TreeSet<>(groups);
    }

    boolean active() {
        return !decommissioned;
    }

    PlayerView withGroups(Set<String> newGroups) {
        return new PlayerView(id, name, location, address, timeZone, tags, width, height, orientation, hardwareProfile,
                loopLengthSeconds, decommissioned, newGroups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView withDetails(String newName, int newWidth, int newHeight, Orientation newOrientation, long loopSeconds) {
        return new PlayerView(id, newName, location, address, timeZone, tags, newWidth, newHeight, newOrientation,
                hardwareProfile, loopSeconds, decommissioned, groups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView withTags(Set<String> newTags) {
        return new PlayerView(id, name, location, address, timeZone, newTags, width, height, orientation,
                hardwareProfile, loopLengthSeconds, decommissioned, groups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView movedTo(GeoPoint newLocation, String newAddress, String newZone) {
        return new PlayerView(id, name, newLocation, newAddress, newZone, tags, width, height, orientation,
                hardwareProfile, loopLengthSeconds, decommissioned, groups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView withProfile(String newProfile) {
        return new PlayerView(id, name, location, address, timeZone, tags, width, height, orientation, newProfile,
                loopLengthSeconds, decommissioned, groups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView keyIssuedAt(Instant at) {
        return new PlayerView(id, name, location, address, timeZone, tags, width, height, orientation, hardwareProfile,
                loopLengthSeconds, decommissioned, groups, registeredAt, at, updatedAt, version);
    }

    PlayerView decommission() {
        return new PlayerView(id, name, location, address, timeZone, tags, width, height, orientation, hardwareProfile,
                loopLengthSeconds, true, groups, registeredAt, keyIssuedAt, updatedAt, version);
    }

    PlayerView touched(Instant at, long newVersion) {
        return new PlayerView(id, name, location, address, timeZone, tags, width, height, orientation, hardwareProfile,
                loopLengthSeconds, decommissioned, groups, registeredAt, keyIssuedAt, at, newVersion);
    }

    TargetedPlayer targeted() {
        return new TargetedPlayer(new PlayerId(id), name, ZoneId.of(timeZone), hardwareProfile, orientation, tags,
                location, Duration.ofSeconds(loopLengthSeconds));
    }
}
