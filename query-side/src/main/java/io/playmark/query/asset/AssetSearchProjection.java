package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetDeletedEvent;
import io.playmark.kernel.asset.AssetEvent;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.FindAssetStorageUsageQuery;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.SearchAssetsQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps the media library searchable in Elasticsearch; a deleted asset leaves the index. */
@Component
@ProcessingGroup(AssetSearchProjection.PROCESSING_GROUP)
public class AssetSearchProjection {

    public static final String PROCESSING_GROUP = "asset-search";

    private final AssetSearchIndex index;
    private final PlayerCompatibility compatibility;

    AssetSearchProjection(AssetSearchIndex index, PlayerCompatibility compatibility) {
        this.index = index;
        this.compatibility = compatibility;
        index.ensureExists();
    }

    @EventHandler
    void on(AssetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue("principal") String principal, TrackingToken token) {
        boolean live = !ReplayToken.isReplay(token);
        if (event instanceof AssetDeletedEvent) {
            index.delete(event.assetId(), version, live);
            return;
        }
        AssetState state = event instanceof AssetRegisteredEvent registered
                ? AssetState.registered(registered, at, principal)
                : index.get(event.assetId()).filter(current -> current.version() < version).map(AssetState::of)
                        .orElse(null);
        if (state != null) {
            state.apply(event, at, principal);
            index.put(state.view(version, compatibility), live);
        }
    }

    @ResetHandler
    void dropIndex() {
        index.recreate();
    }

    @QueryHandler
    AssetSearchPage search(SearchAssetsQuery query) {
        return index.search(query);
    }

    @QueryHandler
    AssetStorageUsage usage(FindAssetStorageUsageQuery query) {
        return index.usage();
    }
}
