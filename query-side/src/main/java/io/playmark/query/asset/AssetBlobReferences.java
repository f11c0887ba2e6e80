package io.playmark.query.asset;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@value #COLLECTION} collection: for each blob still referred to, the assets that refer to it, read by the
 * blob's digest (its _id). Every change is one atomic update, so assets in different projection segments (and
 * instances) may refer to the same blob at once.
 */
@Component
class AssetBlobReferences {

    static final String COLLECTION = "asset_blobs";

    private final MongoTemplate mongo;

    AssetBlobReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record BlobReference(@Id String sha256, List<String> assetIds) {
    }

    /** Moves the asset's references from the blobs it referred to to those it refers to now; repeating it is harmless. */
    void update(String assetId, Set<String> before, Set<String> after) {
        after.stream().filter(sha -> !before.contains(sha)).forEach(sha -> refer(sha, assetId));
        before.stream().filter(sha -> !after.contains(sha)).forEach(sha -> release(sha, assetId));
    }

    boolean isReferenced(String sha256) {
        BlobReference found = mongo.findById(sha256, BlobReference.class);
        return found != null && !found.assetIds().isEmpty();
    }

    void dropAll() {
        mongo.dropCollection(BlobReference.class);
    }

    private void refer(String sha256, String assetId) {
        mongo.upsert(query(where("_id").is(sha256)), new Update().addToSet("assetIds", assetId), BlobReference.class);
    }

    /** The document goes once no asset is left in it; an asset referring to it in between keeps it. */
    private void release(String sha256, String assetId) {
        mongo.updateFirst(query(where("_id").is(sha256)), new Update().pull("assetIds", assetId), BlobReference.class);
        mongo.remove(query(where("_id").is(sha256).and("assetIds").size(0)), BlobReference.class);
    }
}
