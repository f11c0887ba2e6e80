package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Renames a group or changes how it picks its players; the same definition changes nothing. */
public record UpdatePlayerGroupCommand(@TargetAggregateIdentifier PlayerGroupId groupId,
                                       PlayerGroupDefinition definition) {

    public UpdatePlayerGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(definition, "definition");
    }
}
