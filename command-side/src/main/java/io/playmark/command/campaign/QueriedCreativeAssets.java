package io.playmark.command.campaign;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.CreativeAsset;
import io.playmark.kernel.asset.FindCreativeAssetQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Asks the asset read model. When nobody answers, the query fails, and so does the booking: never a silent yes. */
@Component
class QueriedCreativeAssets implements CreativeAssets {

    private final QueryGateway queries;

    QueriedCreativeAssets(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<CreativeAsset> find(AssetId assetId) {
        return Optional.ofNullable(queries.query(new FindCreativeAssetQuery(assetId),
                ResponseTypes.instanceOf(CreativeAsset.class)).join());
    }
}
