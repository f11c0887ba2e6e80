package io.playmark.command.player;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.player.CreatePlayerGroupCommand;
import io.playmark.kernel.player.DeletePlayerGroupCommand;
import io.playmark.kernel.player.PlayerGroupCreatedEvent;
import io.playmark.kernel.player.PlayerGroupDefinition;
import io.playmark.kernel.player.PlayerGroupDeletedEvent;
import io.playmark.kernel.player.PlayerGroupMembership;
import io.playmark.kernel.player.PlayerGroupUpdatedEvent;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.player.UpdatePlayerGroupCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A display group: a name and how it picks its players, a fixed list or a rule. Which players are in it is the
 * query side's to keep current (players change without the group knowing). A deleted group stays deleted.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class PlayerGroup {

    @AggregateIdentifier
    private String groupId;
    private String name;
    private String description;
    private PlayerGroupMembership membership;
    private boolean deleted;

    protected PlayerGroup() {
        // Axon rebuilds the aggregate from its events.
    }

    /** A create retried with the same values changes nothing; with other values it is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreatePlayerGroupCommand command) {
        if (groupId == null) {
            PlayerGroupDefinition definition = command.definition();
            apply(new PlayerGroupCreatedEvent(command.groupId().value(), definition.name(), definition.description(),
                    definition.membership()));
            return;
        }
        if (deleted || !command.definition().equals(definition())) {
            throw new ConflictException("Player group " + groupId + " already exists with other values"
                    + (deleted ? " (it was deleted)" : ""));
        }
    }

    @CommandHandler
    public void handle(UpdatePlayerGroupCommand command) {
        requireNotDeleted();
        PlayerGroupDefinition definition = command.definition();
        if (!definition.equals(definition())) {
            apply(new PlayerGroupUpdatedEvent(groupId, definition.name(), definition.description(),
                    definition.membership()));
        }
    }

    @CommandHandler
    public void handle(DeletePlayerGroupCommand command) {
        if (!deleted) {
            apply(new PlayerGroupDeletedEvent(groupId));
        }
    }

    private PlayerGroupDefinition definition() {
        return new PlayerGroupDefinition(name, description, membership);
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new ConflictException("Player group " + groupId + " was deleted");
        }
    }

    /** Whether the group, unless deleted, holds this active player: its fixed list or its rule. */
    public boolean holds(TargetedPlayer player) {
        return !deleted && membership.includes(player.id().value(), player.tags(), player.location(),
                player.zone().getId());
    }

    @EventSourcingHandler
    void on(PlayerGroupCreatedEvent event) {
        groupId = event.groupId();
        name = event.name();
        description = event.description();
        membership = event.membership();
    }

    @EventSourcingHandler
    void on(PlayerGroupUpdatedEvent event) {
        name = event.name();
        description = event.description();
        membership = event.membership();
    }

    @EventSourcingHandler
    void on(PlayerGroupDeletedEvent event) {
        deleted = true;
    }
}
