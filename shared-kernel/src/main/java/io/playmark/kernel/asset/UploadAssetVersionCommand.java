package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Replaces an asset's content by a new version: it is probed and rendered again, and needs approval again. */
public record UploadAssetVersionCommand(@TargetAggregateIdentifier AssetId assetId, FileName fileName, StoredContent content) {

    public UploadAssetVersionCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
