package io.playmark.kernel.asset;

/** An asset's name, kind and place in its life, as other features copy them. */
public record AssetSummary(String assetId, String title, MediaKind kind, AssetStatus status) {
}
