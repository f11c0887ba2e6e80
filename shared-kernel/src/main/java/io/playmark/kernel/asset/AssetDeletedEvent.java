package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The asset was deleted. Its last title, file name and checksum stay here, so reports still name it. */
@Revision("1")
public record AssetDeletedEvent(String assetId, String title, String fileName, String sha256) implements AssetEvent {
}
