package io.playmark.query.asset;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A collection as the library shows it. Its assets are kept here by id, read with the collection by its id, so
 * that listing them never scans the assets; an asset is in at most a hundred collections, and leaves them all when
 * it is deleted.
 */
@Document(AssetCollectionView.COLLECTION)
public record AssetCollectionView(@Id String id, String name, List<String> assetIds, Instant createdAt,
                                  String createdBy, Instant updatedAt, String updatedBy) {

    public static final String COLLECTION = "asset_collections";

    public int assetCount() {
        return assetIds == null ? 0 : assetIds.size();
    }
}
