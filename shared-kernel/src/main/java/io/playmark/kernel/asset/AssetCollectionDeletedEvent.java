package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** Keeps the name, so that history still says which collection went. */
@Revision("1")
public record AssetCollectionDeletedEvent(String collectionId, String name) {
}
