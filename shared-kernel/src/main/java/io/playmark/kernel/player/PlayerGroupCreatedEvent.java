package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A display group was created. */
@Revision("1")
public record PlayerGroupCreatedEvent(String groupId, String name, String description,
                                      PlayerGroupMembership membership) implements PlayerGroupEvent {
}
