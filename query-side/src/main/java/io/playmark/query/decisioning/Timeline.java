package io.playmark.query.decisioning;

import java.util.List;

/** A player's resolved timeline for a window, with the decision behind every ad slot in it. */
public record Timeline(List<TimelineItem> items, List<SlotDecision> slots) {
    public Timeline {
        items = List.copyOf(items);
        slots = List.copyOf(slots);
    }
}
