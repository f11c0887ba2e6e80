package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record RenameAssetCollectionCommand(@TargetAggregateIdentifier AssetCollectionId collectionId,
                                          AssetCollectionName name) {

    public RenameAssetCollectionCommand {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(name, "name");
    }
}
