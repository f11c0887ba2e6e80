package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** A rendition (or thumbnail, poster, preview) of the content version is in storage. */
@Revision("1")
public record AssetRenditionProducedEvent(String assetId, int contentVersion, Rendition rendition) implements AssetEvent {
}
