package io.playmark.kernel.schedule;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Items carry their resolved durations (a video's probed length filled in), so a reader need not look again. */
@Revision("1")
public record PlaylistUpdatedEvent(String playlistId, String name, List<PlaylistItem> items, boolean shuffle,
                                   AdSlots adSlots) {
}
