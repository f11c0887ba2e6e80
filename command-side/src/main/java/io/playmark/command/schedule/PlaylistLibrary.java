package io.playmark.command.schedule;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.schedule.PlaylistAsset;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistNesting;

import java.util.Optional;

/**
 * What playlists and schedule entries must know beyond themselves: the assets they would play and the other
 * playlists (an aggregate sees only itself, so nesting cycles are found through the read model).
 */
public interface PlaylistLibrary {

    /** Empty when there is no asset with this id. */
    Optional<PlaylistAsset> asset(AssetId assetId);

    PlaylistNesting nesting(PlaylistId playlistId);
}
