package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.Sha256;

import java.util.Optional;

/**
 * Which asset holds which content, so that the same bytes uploaded twice answer the first asset. A claim is
 * atomic across instances (a unique key in the shared store).
 */
public interface ContentClaims {

    /**
     * Claims the content for {@code assetId}; answers the other asset that holds it already, if one does (empty
     * when the claim is new or {@code assetId}'s own).
     */
    Optional<AssetId> claim(Sha256 sha256, AssetId assetId);

    /** Gives the content up, if {@code assetId} holds it: after a failed register. */
    void release(Sha256 sha256, AssetId assetId);

    /** Gives up every content {@code assetId} holds, of all its versions: once it is deleted. */
    void releaseAll(AssetId assetId);
}
