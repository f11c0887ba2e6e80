package io.playmark.command.schedule;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.PlaylistAsset;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistNesting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Assets, playlists and players the tests put in place, answered as the read models answer them. */
final class FakeLibrary implements PlaylistLibrary, KnownPlayers {

    private final Map<String, PlaylistAsset> assets = new HashMap<>();
    private final Map<String, Set<String>> playlists = new HashMap<>();
    private final Set<PlayerId> players = new HashSet<>();

    AssetId asset(Approval approval, AssetStatus status, MediaKind kind, Long durationMillis) {
        String id = UUID.randomUUID().toString();
        assets.put(id, new PlaylistAsset(id, approval, status, kind, durationMillis));
        return new AssetId(id);
    }

    AssetId approvedImage() {
        return asset(Approval.APPROVED, AssetStatus.ACTIVE, MediaKind.IMAGE, null);
    }

    AssetId approvedVideo(long durationMillis) {
        return asset(Approval.APPROVED, AssetStatus.ACTIVE, MediaKind.VIDEO, durationMillis);
    }

    /** A playlist known to the read model, playing the given descendants. */
    PlaylistId playlist(String... descendants) {
        PlaylistId id = PlaylistId.random();
        playlists.put(id.value(), Set.of(descendants));
        return id;
    }

    PlayerId player() {
        PlayerId id = new PlayerId(UUID.randomUUID().toString());
        players.add(id);
        return id;
    }

    @Override
    public Optional<PlaylistAsset> asset(AssetId assetId) {
        return Optional.ofNullable(assets.get(assetId.value()));
    }

    @Override
    public PlaylistNesting nesting(PlaylistId playlistId) {
        Set<String> descendants = playlists.get(playlistId.value());
        return new PlaylistNesting(descendants != null, descendants);
    }

    @Override
    public Set<PlayerId> unknownAmong(Set<PlayerId> asked) {
        Set<PlayerId> unknown = new HashSet<>(asked);
        unknown.removeAll(players);
        return unknown;
    }
}
