package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryId;

import java.util.List;

/** The exclusive entries a definition would overlap, on each player it reaches, over a bounded horizon from now. */
public interface ScheduleConflicts {

    List<BrokenRule> of(ScheduleEntryId entryId, ScheduleEntryDefinition definition);
}
