package io.playmark.query.asset;

import io.playmark.query.graphql.KeyConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/** Collections over GraphQL: curated sets of assets, beside folders and tags; adding and removing answer per asset. */
@Controller
class AssetCollectionGraphQlController {

    private final AssetCollectionLibrary collections;
    private final AssetBatches batches;

    AssetCollectionGraphQlController(AssetCollectionLibrary collections, AssetBatches batches) {
        this.collections = collections;
        this.batches = batches;
    }

    record CreateAssetCollectionInput(String id, String name) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    AssetCollectionView assetCollection(@Argument String id) {
        return collections.find(id);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    KeyConnection<AssetCollectionView> assetCollections(@Argument int first, @Argument String after) {
        return collections.page(first, after);
    }

    @SchemaMapping(typeName = "AssetCollection")
    KeyConnection<AssetView> assets(AssetCollectionView collection, @Argument int first, @Argument String after) {
        return collections.assets(collection, first, after);
    }

    @SchemaMapping(typeName = "Asset", field = "collections")
    List<AssetCollectionView> collectionsOf(AssetView asset) {
        return collections.of(asset);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    AssetCollectionView createAssetCollection(@Argument CreateAssetCollectionInput input) {
        return collections.create(input.id(), input.name());
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    AssetCollectionView renameAssetCollection(@Argument String id, @Argument String name) {
        return collections.rename(id, name);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String deleteAssetCollection(@Argument String id) {
        collections.delete(id);
        return id;
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> addAssetsToCollection(@Argument String collectionId, @Argument List<String> ids) {
        return batches.addToCollection(collectionId, ids);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> removeAssetsFromCollection(@Argument String collectionId, @Argument List<String> ids) {
        return batches.removeFromCollection(collectionId, ids);
    }
}
