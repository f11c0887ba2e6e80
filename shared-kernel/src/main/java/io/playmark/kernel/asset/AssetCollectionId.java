package io.playmark.kernel.asset;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a collection of assets; a UUID the client may choose, so that a retried create is recognised. */
public record AssetCollectionId(String value) {

    public AssetCollectionId {
        value = Ids.requireUuid("collectionId", "collection id", value);
    }

    public static AssetCollectionId random() {
        return new AssetCollectionId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
