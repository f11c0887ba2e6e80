package io.playmark.kernel.schedule;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PlaylistDeletedEvent(String playlistId) {
}
