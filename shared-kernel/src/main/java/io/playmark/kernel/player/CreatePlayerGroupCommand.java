package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Creates a display group; the same id again with the same definition is a retry and changes nothing. */
public record CreatePlayerGroupCommand(@TargetAggregateIdentifier PlayerGroupId groupId,
                                       PlayerGroupDefinition definition) {

    public CreatePlayerGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(definition, "definition");
    }
}
