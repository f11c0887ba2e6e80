package io.playmark.kernel.schedule;

import io.playmark.kernel.asset.AssetId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NestedPlaylistsTest {

    private static final String OUTER = UUID.randomUUID().toString();
    private static final String INNER = UUID.randomUUID().toString();
    private static final String GONE = UUID.randomUUID().toString();

    private final PlaylistItem first = PlaylistItem.asset(new AssetId(UUID.randomUUID().toString()), Duration.ofSeconds(5));
    private final PlaylistItem nested = PlaylistItem.asset(new AssetId(UUID.randomUUID().toString()), Duration.ofSeconds(7));
    private final PlaylistItem last = PlaylistItem.asset(new AssetId(UUID.randomUUID().toString()), Duration.ofSeconds(9));

    @Test
    void nested_playlists_play_through_in_place_and_a_deleted_one_plays_nothing() {
        Map<String, List<PlaylistItem>> playlists = Map.of(INNER, List.of(nested));

        List<PlaylistItem> played = NestedPlaylists.playedThrough(OUTER, List.of(first,
                PlaylistItem.playlist(new PlaylistId(INNER)), PlaylistItem.playlist(new PlaylistId(GONE)), last),
                id -> Optional.ofNullable(playlists.get(id)));

        assertThat(played).containsExactly(first, nested, last);
    }

    @Test
    void a_cycle_stops_where_it_comes_back() {
        Map<String, List<PlaylistItem>> playlists = Map.of(
                INNER, List.of(nested, PlaylistItem.playlist(new PlaylistId(OUTER))));

        List<PlaylistItem> played = NestedPlaylists.playedThrough(OUTER, List.of(first,
                PlaylistItem.playlist(new PlaylistId(INNER))), id -> Optional.ofNullable(playlists.get(id)));

        assertThat(played).containsExactly(first, nested);
    }
}
