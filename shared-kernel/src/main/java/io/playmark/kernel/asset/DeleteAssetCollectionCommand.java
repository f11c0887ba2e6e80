package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Deletes a collection; its assets stay in the library. */
public record DeleteAssetCollectionCommand(@TargetAggregateIdentifier AssetCollectionId collectionId) {

    public DeleteAssetCollectionCommand {
        Objects.requireNonNull(collectionId, "collectionId");
    }
}
