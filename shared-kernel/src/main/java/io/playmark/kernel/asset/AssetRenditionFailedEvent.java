package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** A rendition of the content version could not be made. */
@Revision("1")
public record AssetRenditionFailedEvent(String assetId, int contentVersion, String rendition, String reason) implements AssetEvent {
}
