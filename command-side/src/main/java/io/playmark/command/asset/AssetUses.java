package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetUse;

import java.util.List;

/** Who uses an asset now; an asset in use is not deleted. */
public interface AssetUses {

    List<AssetUse> of(AssetId assetId);
}
