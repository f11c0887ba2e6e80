package io.playmark.command.schedule;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.schedule.FindPlaylistAssetQuery;
import io.playmark.kernel.schedule.FindPlaylistNestingQuery;
import io.playmark.kernel.schedule.PlaylistAsset;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistNesting;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Asks the read models. They trail the event store by moments, so two playlists nested into each other in the
 * same instant could slip through; the read model's expansion stops at a playlist already seen, so such a loop
 * cannot hang a reader.
 */
@Component
class QueriedPlaylistLibrary implements PlaylistLibrary {

    private final QueryGateway queries;

    QueriedPlaylistLibrary(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<PlaylistAsset> asset(AssetId assetId) {
        return Optional.ofNullable(queries.query(new FindPlaylistAssetQuery(assetId),
                ResponseTypes.instanceOf(PlaylistAsset.class)).join());
    }

    @Override
    public PlaylistNesting nesting(PlaylistId playlistId) {
        return queries.query(new FindPlaylistNestingQuery(playlistId),
                ResponseTypes.instanceOf(PlaylistNesting.class)).join();
    }
}
