package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The content version could not be probed: it does not decode. */
@Revision("1")
public record AssetProbeFailedEvent(String assetId, int contentVersion, String reason) implements AssetEvent {
}
