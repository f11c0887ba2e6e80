package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;

/** The asset a file became, or, when {@code duplicate}, the asset that already held the same content. */
public record ImportedFile(AssetId assetId, boolean duplicate) {
}
