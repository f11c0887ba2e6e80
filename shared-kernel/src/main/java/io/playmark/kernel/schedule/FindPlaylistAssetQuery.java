package io.playmark.kernel.schedule;

import io.playmark.kernel.asset.AssetId;

import java.util.Objects;

/** Answered as a {@link PlaylistAsset}; null when there is no asset with this id. */
public record FindPlaylistAssetQuery(AssetId assetId) {

    public FindPlaylistAssetQuery {
        Objects.requireNonNull(assetId, "assetId");
    }
}
