package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetAddedToCollectionEvent;
import io.playmark.kernel.asset.AssetCollectionCreatedEvent;
import io.playmark.kernel.asset.AssetCollectionDeletedEvent;
import io.playmark.kernel.asset.AssetCollectionExistsQuery;
import io.playmark.kernel.asset.AssetCollectionRenamedEvent;
import io.playmark.kernel.asset.AssetRemovedFromCollectionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@value AssetCollectionView#COLLECTION} collection: each collection's name and the assets in it. Every
 * write is a set, an add-to-set or a pull, so a redelivered event changes nothing; events for a collection that is
 * gone (deleted) find nothing to change.
 */
@Component
@ProcessingGroup(AssetCollectionProjection.PROCESSING_GROUP)
public class AssetCollectionProjection {

    public static final String PROCESSING_GROUP = "asset-collections";

    private final MongoTemplate mongo;

    AssetCollectionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        indexName();
    }

    @EventHandler
    void on(AssetCollectionCreatedEvent event, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        if (mongo.findById(event.collectionId(), AssetCollectionView.class) == null) {
            mongo.save(new AssetCollectionView(event.collectionId(), event.name(), List.of(), at, principal, at,
                    principal));
        }
    }

    @EventHandler
    void on(AssetCollectionRenamedEvent event, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        change(event.collectionId(), touched(at, principal).set("name", event.name()));
    }

    @EventHandler
    void on(AssetCollectionDeletedEvent event) {
        mongo.remove(new Query(where("_id").is(event.collectionId())), AssetCollectionView.class);
    }

    @EventHandler
    void on(AssetAddedToCollectionEvent event, @Timestamp Instant at, @MetaDataValue("principal") String principal) {
        change(event.collectionId(), touched(at, principal).addToSet("assetIds", event.assetId()));
    }

    @EventHandler
    void on(AssetRemovedFromCollectionEvent event, @Timestamp Instant at,
            @MetaDataValue("principal") String principal) {
        change(event.collectionId(), touched(at, principal).pull("assetIds", event.assetId()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AssetCollectionView.class);
        indexName();
    }

    @QueryHandler
    Boolean exists(AssetCollectionExistsQuery query) {
        return mongo.exists(new Query(where("_id").is(query.collectionId().value())), AssetCollectionView.class);
    }

    private void change(String collectionId, Update update) {
        mongo.updateFirst(new Query(where("_id").is(collectionId)), update, AssetCollectionView.class);
    }

    private static Update touched(Instant at, String principal) {
        return new Update().set("updatedAt", at).set("updatedBy", principal);
    }

    /** Pages sort by name: collections are few, and a real MongoDB uses this index (the embedded server skips it). */
    private void indexName() {
        mongo.indexOps(AssetCollectionView.class).createIndex(new Index("name", Sort.Direction.ASC));
    }
}
