package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Takes an asset out of a collection; an asset not in it changes nothing. */
public record RemoveAssetFromCollectionCommand(@TargetAggregateIdentifier AssetId assetId,
                                               AssetCollectionId collectionId) {

    public RemoveAssetFromCollectionCommand {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(collectionId, "collectionId");
    }
}
