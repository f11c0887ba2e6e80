package io.playmark.kernel.asset;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a media asset; a UUID, chosen by Playmark on upload or by a client that wants retries safe. */
public record AssetId(String value) {

    public AssetId {
        value = Ids.requireUuid("id", "asset id", value);
    }

    public static AssetId random() {
        return new AssetId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
