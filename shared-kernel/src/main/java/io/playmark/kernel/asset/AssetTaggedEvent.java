package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** The asset's tags changed: all of them now, and what was added and removed. */
@Revision("1")
public record AssetTaggedEvent(String assetId, Set<String> tags, Set<String> added, Set<String> removed) implements AssetEvent {
}
