package io.playmark.kernel.asset;

import java.util.Objects;

/** One asset as the library shows it; null when there is none with this id. */
public record FindAssetQuery(AssetId assetId) {

    public FindAssetQuery {
        Objects.requireNonNull(assetId, "assetId");
    }
}
