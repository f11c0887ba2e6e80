package io.playmark.kernel.schedule;

import java.util.List;

/**
 * A schedule entry as it applies to one player: its playlist (with nested playlists played through in place, so
 * {@code items} are assets only), rank and occurrences in the window asked for.
 */
public record ScheduledPlaylist(String entryId, String playlistId, String playlistName, List<PlaylistItem> items,
                                boolean shuffle, AdSlots adSlots, int priority, boolean exclusive,
                                List<Occurrence> occurrences) {

    public ScheduledPlaylist {
        items = items == null ? List.of() : List.copyOf(items);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }
}
