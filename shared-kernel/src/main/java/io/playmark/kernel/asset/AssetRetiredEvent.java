package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

/** The asset was taken out of use, by hand or because its expiry came. */
@Revision("1")
public record AssetRetiredEvent(String assetId, String reason, boolean expired) implements AssetEvent {
}
