package io.playmark.kernel.asset;

import java.util.Objects;

/**
 * What a campaign needs to know of an asset it would show, answered as a {@link CreativeAsset}; null when there is
 * no asset with this id.
 */
public record FindCreativeAssetQuery(AssetId assetId) {

    public FindCreativeAssetQuery {
        Objects.requireNonNull(assetId, "assetId");
    }
}
