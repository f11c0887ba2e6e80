package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** A player's tags changed: all of them now, and what was added and removed. */
@Revision("1")
public record PlayerTaggedEvent(String playerId, Set<String> tags, Set<String> added, Set<String> removed)
        implements PlayerEvent {
}
