package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Deletes a group: its players stay, and targets naming it match nothing through it any more. */
public record DeletePlayerGroupCommand(@TargetAggregateIdentifier PlayerGroupId groupId) {

    public DeletePlayerGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
    }
}
