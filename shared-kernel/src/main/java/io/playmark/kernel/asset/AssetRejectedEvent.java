package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The content version was rejected; the comment says why. */
@Revision("1")
public record AssetRejectedEvent(String assetId, int contentVersion, String comment) implements AssetEvent {
}
