package io.playmark.kernel.schedule;

import java.util.Objects;

/**
 * Answered as a {@link PlaylistNesting}: whether the playlist exists and every playlist it plays, directly or
 * through others. Lets a playlist refuse a nested playlist that would play itself.
 */
public record FindPlaylistNestingQuery(PlaylistId playlistId) {

    public FindPlaylistNestingQuery {
        Objects.requireNonNull(playlistId, "playlistId");
    }
}
