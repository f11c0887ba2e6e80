package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** A version of the asset's content is in storage under its digest: 1 on upload, then one more per new version. */
@Revision("1")
public record AssetContentStoredEvent(String assetId, int contentVersion, String fileName, String sha256, long sizeBytes, String mediaType, MediaKind kind) implements AssetEvent {
}
