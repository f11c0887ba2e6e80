package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The content version was approved for scheduling. */
@Revision("1")
public record AssetApprovedEvent(String assetId, int contentVersion, String comment) implements AssetEvent {
}
