package io.playmark.query.schedule;

import io.playmark.kernel.schedule.Occurrence;

import java.util.List;

/** A schedule entry as GraphQL shows it: the entry and, when listed for a player, its occurrences there. */
record ScheduleEntryNode(ScheduleEntryView entry, List<Occurrence> occurrences) {
}
