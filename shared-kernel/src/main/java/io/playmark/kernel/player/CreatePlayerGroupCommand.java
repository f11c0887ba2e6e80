package io.playmark.kernel.player;

import io.playmark.kernel.Texts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Creates a display group; the same id again with the same values is a retry and changes nothing. */
public record CreatePlayerGroupCommand(@TargetAggregateIdentifier PlayerGroupId groupId, String name,
                                       String description, PlayerGroupMembership membership) {

    public CreatePlayerGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        name = Texts.requireText("name", name, 200);
        description = PlayerGroupTexts.description(description);
        Objects.requireNonNull(membership, "membership");
    }
}
