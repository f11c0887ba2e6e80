package io.playmark.kernel.schedule;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a content playlist; a UUID the client may choose, so that a retried create is recognised. */
public record PlaylistId(String value) {

    public PlaylistId {
        value = Ids.requireUuid("id", "playlist id", value);
    }

    public static PlaylistId random() {
        return new PlaylistId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
