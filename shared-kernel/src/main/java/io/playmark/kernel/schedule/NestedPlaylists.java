package io.playmark.kernel.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The items one pass of a playlist plays: nested playlists played through in place, in their own order (their ad
 * slots and shuffle are their own loop's, not this one's). Today's schedule read model and the audit's replayed
 * playlists both look nested playlists up their own way and share this walk.
 */
public final class NestedPlaylists {

    private NestedPlaylists() {
    }

    /**
     * A nested playlist that {@code itemsOf} does not find (deleted) plays nothing; writes refuse a cycle, and the
     * walk stops one all the same.
     */
    public static List<PlaylistItem> playedThrough(String playlistId, List<PlaylistItem> items,
                                                   Function<String, Optional<List<PlaylistItem>>> itemsOf) {
        return playedThrough(playlistId, items, itemsOf, new LinkedHashSet<>());
    }

    private static List<PlaylistItem> playedThrough(String playlistId, List<PlaylistItem> items,
                                                    Function<String, Optional<List<PlaylistItem>>> itemsOf,
                                                    Set<String> path) {
        if (!path.add(playlistId)) {
            return List.of();
        }
        List<PlaylistItem> played = new ArrayList<>();
        for (PlaylistItem item : items) {
            if (item.kind() == PlaylistItem.Kind.ASSET) {
                played.add(item);
            } else {
                itemsOf.apply(item.id()).ifPresent(nested -> played.addAll(playedThrough(item.id(), nested, itemsOf,
                        path)));
            }
        }
        path.remove(playlistId);
        return played;
    }
}
