package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** An uploaded file became an asset; its content follows in an {@link AssetContentStoredEvent}. */
@Revision("1")
public record AssetRegisteredEvent(String assetId, String title, String fileName, String folder, Set<String> tags) implements AssetEvent {
}
