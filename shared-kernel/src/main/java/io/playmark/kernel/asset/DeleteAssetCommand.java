package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Deletes an asset; its name and checksum stay in its history, so reports still name it. */
public record DeleteAssetCommand(@TargetAggregateIdentifier AssetId assetId) {

    public DeleteAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
