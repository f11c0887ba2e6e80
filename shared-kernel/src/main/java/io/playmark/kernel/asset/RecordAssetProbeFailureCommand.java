package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records that the content version could not be probed: it is not a playable file. */
public record RecordAssetProbeFailureCommand(@TargetAggregateIdentifier AssetId assetId, int contentVersion, String reason) {

    public RecordAssetProbeFailureCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
