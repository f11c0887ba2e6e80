package io.playmark.kernel.asset;

import java.util.Objects;

/** What other features copy of an asset (proof of play, into each play): answers an {@link AssetSummary} or null. */
public record FindAssetSummaryQuery(AssetId assetId) {

    public FindAssetSummaryQuery {
        Objects.requireNonNull(assetId, "assetId");
    }
}
