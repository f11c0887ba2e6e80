package io.playmark.kernel.player;

import io.playmark.kernel.Texts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Renames a group or changes how it picks its players; the same values change nothing. */
public record UpdatePlayerGroupCommand(@TargetAggregateIdentifier PlayerGroupId groupId, String name,
                                       String description, PlayerGroupMembership membership) {

    public UpdatePlayerGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        name = Texts.requireText("name", name, 200);
        description = PlayerGroupTexts.description(description);
        Objects.requireNonNull(membership, "membership");
    }
}
