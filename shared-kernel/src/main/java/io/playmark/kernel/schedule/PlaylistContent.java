package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;

import java.util.List;
import java.util.Objects;

/** What a playlist plays: its ordered items, whether the loop is shuffled, and the room left for ads. */
public record PlaylistContent(List<PlaylistItem> items, boolean shuffle, AdSlots adSlots) {

    public static final int MAX_ITEMS = 500;

    public PlaylistContent {
        items = items == null ? List.of() : List.copyOf(items);
        if (items.size() > MAX_ITEMS) {
            throw new InvalidValueException("items", "a playlist has at most " + MAX_ITEMS + " items, "
                    + items.size() + " were given");
        }
        adSlots = Objects.requireNonNullElse(adSlots, AdSlots.none());
    }
}
