package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AssetAddedToCollectionEvent(String assetId, String collectionId) implements AssetEvent {
}
