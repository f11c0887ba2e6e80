package io.playmark.kernel.schedule;

import java.util.Objects;

/** What a schedule entry says: which playlist, on which players, when, and how it ranks. */
public record ScheduleEntryDefinition(PlaylistId playlistId, ScheduleTarget target, Recurrence recurrence,
                                      SchedulePriority priority) {

    public ScheduleEntryDefinition {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(priority, "priority");
    }
}
