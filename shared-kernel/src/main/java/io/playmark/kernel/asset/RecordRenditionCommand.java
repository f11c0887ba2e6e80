package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records a rendition made from the given content version. */
public record RecordRenditionCommand(@TargetAggregateIdentifier AssetId assetId, int contentVersion, Rendition rendition) {

    public RecordRenditionCommand {
        Objects.requireNonNull(assetId, "assetId");
    }
}
