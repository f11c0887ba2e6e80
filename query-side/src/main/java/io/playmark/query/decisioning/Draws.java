package io.playmark.query.decisioning;

import io.playmark.kernel.player.TargetedPlayer;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The pseudo-random draws of decisioning, seeded by the player and a moment, so that the same state and window
 * always draw the same. String.hashCode is specified, so the seed is the same on every JVM and instance.
 */
final class Draws {

    private Draws() {
    }

    static SplittableRandom at(TargetedPlayer player, Instant moment) {
        return new SplittableRandom(31L * player.id().value().hashCode() + moment.toEpochMilli());
    }
}
