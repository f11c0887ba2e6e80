package io.playmark.kernel.asset;

/** Everything that happens to an asset, so that a projection can follow one asset's life in one place. */
public sealed interface AssetEvent permits AssetRegisteredEvent, AssetContentStoredEvent,
        AssetProbedEvent, AssetProbeFailedEvent, AssetRenditionProducedEvent, AssetRenditionFailedEvent,
        AssetMetadataEditedEvent, AssetTaggedEvent, AssetMovedEvent, AssetApprovedEvent, AssetRejectedEvent,
        AssetRetiredEvent, AssetDeletedEvent, AssetAddedToCollectionEvent,
        AssetRemovedFromCollectionEvent {

    String assetId();
}
