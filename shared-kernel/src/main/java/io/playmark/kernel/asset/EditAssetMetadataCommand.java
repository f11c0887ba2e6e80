package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets an asset's title, description, custom fields and expiry, all at once (the editor sends the whole form). */
public record EditAssetMetadataCommand(@TargetAggregateIdentifier AssetId assetId, AssetMetadata metadata) {

    public EditAssetMetadataCommand {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(metadata, "metadata");
    }
}
