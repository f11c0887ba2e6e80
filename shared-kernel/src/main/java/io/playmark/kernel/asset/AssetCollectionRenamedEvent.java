package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AssetCollectionRenamedEvent(String collectionId, String name) {
}
