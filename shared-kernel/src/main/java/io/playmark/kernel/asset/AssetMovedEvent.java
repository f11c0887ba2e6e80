package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The asset moved to another folder. */
@Revision("1")
public record AssetMovedEvent(String assetId, String fromFolder, String toFolder) implements AssetEvent {
}
