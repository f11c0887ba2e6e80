package io.playmark.infra.asset;

import io.playmark.command.asset.ContentClaims;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Content claims as documents keyed by digest: inserting a digest twice fails on the {@code _id}, whichever
 * instance tries, so exactly one asset gets each content.
 */
@Component
class MongoContentClaims implements ContentClaims {

    @Document(MongoContentClaims.COLLECTION)
    record Claim(@Id String sha256, String assetId) {
    }

    static final String COLLECTION = "asset_content_claims";

    private final MongoTemplate mongo;

    MongoContentClaims(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Claim.class).createIndex(new Index("assetId", Sort.Direction.ASC));
    }

    @Override
    public Optional<AssetId> claim(Sha256 sha256, AssetId assetId) {
        try {
            mongo.insert(new Claim(sha256.value(), assetId.value()));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            Claim holder = mongo.findById(sha256.value(), Claim.class);
            if (holder == null) {
                return claim(sha256, assetId);
            }
            return holder.assetId().equals(assetId.value()) ? Optional.empty()
                    : Optional.of(new AssetId(holder.assetId()));
        }
    }

    @Override
    public void release(Sha256 sha256, AssetId assetId) {
        mongo.remove(query(where("_id").is(sha256.value()).and("assetId").is(assetId.value())), Claim.class);
    }

    /** A scan on the embedded server, which builds no index on assetId; rare (deletions), and indexed on MongoDB. */
    @Override
    public void releaseAll(AssetId assetId) {
        mongo.remove(query(where("assetId").is(assetId.value())), Claim.class);
    }
}
