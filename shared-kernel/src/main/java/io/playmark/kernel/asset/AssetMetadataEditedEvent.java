package io.playmark.kernel.asset;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** The asset's title, description, custom fields and expiry, as now set. */
@Revision("1")
public record AssetMetadataEditedEvent(String assetId, String title, String description, Map<String, String> customFields, Instant expiresAt) implements AssetEvent {
}
