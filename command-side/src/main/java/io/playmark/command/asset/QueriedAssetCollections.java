package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetCollectionExistsQuery;
import io.playmark.kernel.asset.AssetCollectionId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the collections' read model, which a create waits for before it answers. */
@Component
class QueriedAssetCollections implements AssetCollections {

    private final QueryGateway queries;

    QueriedAssetCollections(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(AssetCollectionId collectionId) {
        return Boolean.TRUE.equals(queries.query(new AssetCollectionExistsQuery(collectionId),
                ResponseTypes.instanceOf(Boolean.class)).join());
    }
}
