package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Puts an asset in a collection; an asset already in it changes nothing. */
public record AddAssetToCollectionCommand(@TargetAggregateIdentifier AssetId assetId, AssetCollectionId collectionId) {

    public AddAssetToCollectionCommand {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(collectionId, "collectionId");
    }
}
