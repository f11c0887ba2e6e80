package io.playmark.query.schedule;

import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.PlaylistItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A playlist as read: its items with resolved durations. A deleted playlist is removed. */
@Document(PlaylistView.COLLECTION)
public record PlaylistView(@Id String id, String name, List<PlaylistItem> items, boolean shuffle, AdSlots adSlots,
                           Instant createdAt, Instant updatedAt, long version) {

    public static final String COLLECTION = "playlists";

    /** How long one pass through the items takes, not counting nested playlists (they add their own). */
    public long ownLengthMillis() {
        return items.stream().filter(item -> item.durationMillis() != null)
                .mapToLong(PlaylistItem::durationMillis).sum();
    }
}
