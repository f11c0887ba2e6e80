package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Approves an asset's current content for scheduling, with an optional comment (at most 1,000 characters). */
public record ApproveAssetCommand(@TargetAggregateIdentifier AssetId assetId, String comment) {

    public ApproveAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
        comment = ReviewComment.optional(comment);
    }
}
