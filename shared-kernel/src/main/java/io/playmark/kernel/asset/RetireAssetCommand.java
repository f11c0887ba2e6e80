package io.playmark.kernel.asset;

import io.playmark.kernel.Texts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Takes an asset out of use: it stays in the library and in reports, and is no longer scheduled.
 *
 * @param expired true when Playmark retires it because its expiry came; the aggregate checks that it has
 */
public record RetireAssetCommand(@TargetAggregateIdentifier AssetId assetId, String reason, boolean expired) {

    public RetireAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
        reason = reason == null || reason.isBlank() ? (expired ? "expired" : "retired") : Texts.requireText("reason", reason, 1000);
    }
}
