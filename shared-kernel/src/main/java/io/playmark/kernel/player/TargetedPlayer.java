package io.playmark.kernel.player;

import io.playmark.kernel.asset.Orientation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/** What planning and decisioning need to know of one active (not decommissioned) player. */
public record TargetedPlayer(PlayerId id, String name, ZoneId zone, String hardwareProfile, Orientation orientation,
                             Set<String> tags, GeoPoint location, Duration loopLength) {
}
