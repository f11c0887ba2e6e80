package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records that a rendition could not be made, and why. */
public record RecordRenditionFailureCommand(@TargetAggregateIdentifier AssetId assetId, int contentVersion, String rendition, String reason) {

    public RecordRenditionFailureCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
