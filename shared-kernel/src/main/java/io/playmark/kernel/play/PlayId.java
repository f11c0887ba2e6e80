package io.playmark.kernel.play;

import io.playmark.kernel.Ids;

/**
 * Identifies one playback; a UUID the player chooses when the play starts, so that a resent play is recognised. The
 * play's aggregate has this id, which makes the event store's uniqueness the de-duplication (ADR 0014).
 */
public record PlayId(String value) {

    public PlayId {
        value = Ids.requireUuid("playId", "play id", value);
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
