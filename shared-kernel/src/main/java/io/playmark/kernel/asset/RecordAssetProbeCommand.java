package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records what probing the given content version found. */
public record RecordAssetProbeCommand(@TargetAggregateIdentifier AssetId assetId, int contentVersion, MediaProbe probe) {

    public RecordAssetProbeCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
