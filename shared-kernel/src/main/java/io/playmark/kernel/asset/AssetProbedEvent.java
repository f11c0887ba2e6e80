package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** Probing the content version found these facts. */
@Revision("1")
public record AssetProbedEvent(String assetId, int contentVersion, MediaProbe probe) implements AssetEvent {
}
