package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.FindAssetUsesQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** Asks every feature that can use an asset (campaigns, playlists) at once. */
@Component
class QueriedAssetUses implements AssetUses {

    private final QueryGateway queries;

    QueriedAssetUses(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<AssetUse> of(AssetId assetId) {
        return new FindAssetUsesQuery(assetId).askAll(queries);
    }
}
