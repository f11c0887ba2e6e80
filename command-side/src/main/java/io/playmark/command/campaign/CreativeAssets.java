package io.playmark.command.campaign;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.CreativeAsset;

import java.util.Optional;

/** What the asset library knows of an asset a campaign would show: its review, status and the profiles playing it. */
public interface CreativeAssets {

    /** Empty when there is no asset with this id. */
    Optional<CreativeAsset> find(AssetId assetId);
}
