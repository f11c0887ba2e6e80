package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetSummary;
import io.playmark.kernel.asset.FindAssetSummaryQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers what other features copy of an asset, from the library's read model (a deleted asset stays in it). */
@Component
class AssetSummaries {

    private final MongoTemplate mongo;

    AssetSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    AssetSummary find(FindAssetSummaryQuery query) {
        AssetView view = mongo.findById(query.assetId().value(), AssetView.class);
        return view == null ? null : new AssetSummary(view.id(), view.title(), view.kind(), view.status());
    }
}
