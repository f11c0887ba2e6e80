package io.playmark.kernel.asset;

import io.playmark.kernel.Texts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Rejects an asset's current content; the comment, required, tells the uploader why. */
public record RejectAssetCommand(@TargetAggregateIdentifier AssetId assetId, String comment) {

    public RejectAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
        comment = Texts.requireText("comment", comment, ReviewComment.MAX_LENGTH);
    }
}
