package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetEvent;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.CreativeAsset;
import io.playmark.kernel.asset.FindAssetQuery;
import io.playmark.kernel.asset.FindCreativeAssetQuery;
import io.playmark.kernel.asset.FindExpiredAssetsQuery;
import io.playmark.kernel.asset.FindPlayableFilesQuery;
import io.playmark.kernel.asset.IsBlobReferencedQuery;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.schedule.FindPlaylistAssetQuery;
import io.playmark.kernel.schedule.PlaylistAsset;
import io.playmark.query.consistency.ProcessorTokens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@value AssetView#COLLECTION} collection in MongoDB, which GraphQL and the delivery endpoints read,
 * and beside it the blobs assets refer to ({@link AssetBlobReferences}), which the cleanup of storage asks.
 */
@Component
@ProcessingGroup(AssetReadModelProjection.PROCESSING_GROUP)
public class AssetReadModelProjection {

    public static final String PROCESSING_GROUP = "asset-read-model";

    private final MongoTemplate mongo;
    private final AssetBlobReferences blobs;
    private final PlayerCompatibility compatibility;
    private final ProcessorTokens tokens;

    AssetReadModelProjection(MongoTemplate mongo, AssetBlobReferences blobs, PlayerCompatibility compatibility,
                             ProcessorTokens tokens) {
        this.mongo = mongo;
        this.blobs = blobs;
        this.compatibility = compatibility;
        this.tokens = tokens;
        indexExpiry();
    }

    /**
     * Blob references change before the view is saved: should the view's save fail, the event comes again and
     * the (repeatable) reference change with it.
     */
    @EventHandler
    void on(AssetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue("principal") String principal) {
        AssetView current = mongo.findById(event.assetId(), AssetView.class);
        AssetState state;
        Set<String> before;
        if (event instanceof AssetRegisteredEvent registered) {
            if (current != null) {
                return;
            }
            state = AssetState.registered(registered, at, principal);
            before = Set.of();
        } else {
            if (current == null || current.version() >= version) {
                return;
            }
            state = AssetState.of(current);
            before = state.blobs();
            state.apply(event, at, principal);
        }
        blobs.update(event.assetId(), before, state.blobs());
        mongo.save(state.view(version, compatibility));
    }

    @ResetHandler
    void dropReadModel() {
        mongo.dropCollection(AssetView.class);
        blobs.dropAll();
        indexExpiry();
    }

    @QueryHandler
    AssetView find(FindAssetQuery query) {
        return mongo.findById(query.assetId().value(), AssetView.class);
    }

    /** What campaigns check before they book an asset; the orientation is known once the asset is probed. */
    @QueryHandler
    CreativeAsset find(FindCreativeAssetQuery query) {
        AssetView view = mongo.findById(query.assetId().value(), AssetView.class);
        return view == null ? null : new CreativeAsset(view.id(), view.approval(), view.status(),
                view.probe() == null ? null : Orientation.of(view.probe()),
                view.playableBy().stream().map(PlayerCompatibility.Playable::profile).toList());
    }

    /** What playlists check before they play an asset: a video's probed length is its default duration. */
    @QueryHandler
    List<PlayableFile> find(FindPlayableFilesQuery query) {
        if (query.assetIds().isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("_id").in(query.assetIds())).with(Sort.by("_id")), AssetView.class)
                .stream().map(view -> view.playableFile(query.profile())).flatMap(Optional::stream).toList();
    }

    @QueryHandler
    PlaylistAsset find(FindPlaylistAssetQuery query) {
        AssetView view = mongo.findById(query.assetId().value(), AssetView.class);
        return view == null ? null : new PlaylistAsset(view.id(), view.approval(), view.status(), view.kind(),
                view.probe() == null ? null : view.probe().durationMillis());
    }

    @QueryHandler
    List<AssetId> find(FindExpiredAssetsQuery query) {
        Query expired = new Query(where("status").is(AssetStatus.ACTIVE).and("expiresAt").lte(query.now()))
                .with(Sort.by("expiresAt", "_id")).limit(query.limit());
        return mongo.find(expired, AssetView.class).stream()
                .map(view -> new AssetId(view.id())).toList();
    }

    /**
     * While the read model is being rebuilt, or before it ever ran, it cannot tell: every blob counts as referred to,
     * so that cleanup never deletes one that is.
     */
    @QueryHandler
    Boolean isReferenced(IsBlobReferencedQuery query) {
        return !isComplete() || blobs.isReferenced(query.sha256().value());
    }

    private boolean isComplete() {
        List<ProcessorTokens.StoredSegment> segments = tokens.storedSegments(PROCESSING_GROUP);
        return !segments.isEmpty() && segments.stream()
                .allMatch(segment -> segment.token() != null && !ReplayToken.isReplay(segment.token()));
    }

    /**
     * The expiry check's index. The embedded server builds only unique single-field indexes and skips this one;
     * a real MongoDB uses it, so that the check reads only the assets due.
     */
    private void indexExpiry() {
        mongo.indexOps(AssetView.class).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("expiresAt", Sort.Direction.ASC).named("status_expiresAt"));
    }
}
