package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Moves an asset to another folder. */
public record MoveAssetCommand(@TargetAggregateIdentifier AssetId assetId, FolderPath folder) {

    public MoveAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
