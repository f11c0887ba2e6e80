package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A group's name, description or membership changed: all of them as they are now. */
@Revision("1")
public record PlayerGroupUpdatedEvent(String groupId, String name, String description,
                                      PlayerGroupMembership membership) implements PlayerGroupEvent {
}
