package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** Also recorded, for each collection, just before an asset is deleted. */
@Revision("1")
public record AssetRemovedFromCollectionEvent(String assetId, String collectionId) implements AssetEvent {
}
