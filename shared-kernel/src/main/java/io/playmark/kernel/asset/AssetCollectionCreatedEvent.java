package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AssetCollectionCreatedEvent(String collectionId, String name) {
}
