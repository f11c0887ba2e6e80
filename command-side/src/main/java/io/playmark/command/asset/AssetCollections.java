package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetCollectionId;

/** Which collections an asset can be put in: those created and not deleted. */
public interface AssetCollections {

    boolean exists(AssetCollectionId collectionId);
}
