package io.playmark.kernel.player;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a display group: a fixed list of players or a rule over their tags and location. */
public record PlayerGroupId(String value) {

    public PlayerGroupId {
        value = Ids.requireUuid("id", "player group id", value);
    }

    public static PlayerGroupId random() {
        return new PlayerGroupId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
