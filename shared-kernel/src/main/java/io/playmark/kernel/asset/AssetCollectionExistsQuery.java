package io.playmark.kernel.asset;

import java.util.Objects;

/** Whether a collection was created and not deleted, answered with a Boolean; assets are added only to those. */
public record AssetCollectionExistsQuery(AssetCollectionId collectionId) {

    public AssetCollectionExistsQuery {
        Objects.requireNonNull(collectionId, "collectionId");
    }
}
