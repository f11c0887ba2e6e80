package io.playmark.kernel.player;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a player (a screen); a UUID, so that a provisioning script can choose it and retry a registration. */
public record PlayerId(String value) {

    public PlayerId {
        value = Ids.requireUuid("id", "player id", value);
    }

    public static PlayerId random() {
        return new PlayerId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
