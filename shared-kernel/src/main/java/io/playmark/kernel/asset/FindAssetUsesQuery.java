package io.playmark.kernel.asset;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Who uses an asset now: campaigns not yet completed or archived whose creatives name it, and playlists whose items
 * do. Each feature that can use an asset answers with a {@code List<AssetUse>}; {@link #askAll} asks them all.
 */
public record FindAssetUsesQuery(AssetId assetId) {

    private static final long ANSWER_WITHIN_MILLIS = 10_000;

    public FindAssetUsesQuery {
        Objects.requireNonNull(assetId, "assetId");
    }

    /** Every feature's answer joined, by kind, name and id. */
    public List<AssetUse> askAll(QueryGateway queries) {
        return queries.scatterGather(this, ResponseTypes.multipleInstancesOf(AssetUse.class), ANSWER_WITHIN_MILLIS,
                        TimeUnit.MILLISECONDS)
                .flatMap(List::stream)
                .sorted(Comparator.comparing(AssetUse::kind).thenComparing(AssetUse::name).thenComparing(AssetUse::id))
                .toList();
    }
}
