package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record CreateAssetCollectionCommand(@TargetAggregateIdentifier AssetCollectionId collectionId,
                                        AssetCollectionName name) {

    public CreateAssetCollectionCommand {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(name, "name");
    }
}
