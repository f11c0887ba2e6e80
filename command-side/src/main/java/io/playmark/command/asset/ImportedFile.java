package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;

/** The asset a file became; {@code duplicate} when its bytes were an existing asset's already. */
public record ImportedFile(AssetId assetId, boolean duplicate) {
}
