package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A display group was deleted. */
@Revision("1")
public record PlayerGroupDeletedEvent(String groupId) implements PlayerGroupEvent {
}
