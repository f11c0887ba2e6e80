package io.playmark.kernel.schedule;

import java.util.Set;

/** Whether a playlist exists (and is not deleted), and the ids of every playlist it plays, however deep. */
public record PlaylistNesting(boolean exists, Set<String> descendants) {

    public PlaylistNesting {
        descendants = descendants == null ? Set.of() : Set.copyOf(descendants);
    }
}
