package io.playmark.query.player;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.ChangePlayerProfileCommand;
import io.playmark.kernel.player.CreatePlayerGroupCommand;
import io.playmark.kernel.player.DecommissionPlayerCommand;
import io.playmark.kernel.player.DeletePlayerGroupCommand;
import io.playmark.kernel.player.EditPlayerDetailsCommand;
import io.playmark.kernel.player.MovePlayerCommand;
import io.playmark.kernel.player.PlayerCredentials;
import io.playmark.kernel.player.PlayerGroupDefinition;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.RegisterPlayerCommand;
import io.playmark.kernel.player.RetagPlayerCommand;
import io.playmark.kernel.player.RotatePlayerApiKeyCommand;
import io.playmark.kernel.player.UpdatePlayerGroupCommand;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

/**
 * The changes to players and groups that GraphQL and REST both offer: each sends its commands and answers once the
 * player directory has caught up, so that the caller reads its own write.
 */
@Component
class PlayerChanges {

    private static final List<String> PROJECTIONS = List.of(PlayerDirectoryProjection.PROCESSING_GROUP);

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final PlayerDirectory directory;

    PlayerChanges(CommandGateway commands, ProjectionCatchUp catchUp, PlayerDirectory directory) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.directory = directory;
    }

    PlayerCredentials register(PlayerInputs.RegisterPlayerInput input) {
        PlayerId id = input.id() == null ? PlayerId.random() : new PlayerId(input.id());
        var command = new RegisterPlayerCommand(id, input.details(), input.placement(), Tag.of(input.tags()),
                input.hardwareProfile());
        PlayerCredentials credentials = sendCreating(() -> commands.sendAndWait(command));
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return credentials;
    }

    /** Sends a command for each part the input changes; each changes nothing when its part is as it was. */
    PlayerView update(PlayerInputs.UpdatePlayerInput input) {
        PlayerId id = new PlayerId(input.id());
        PlayerView current = player(id);
        onPlayer(id, () -> commands.sendAndWait(new EditPlayerDetailsCommand(id, input.details(current))));
        onPlayer(id, () -> commands.sendAndWait(new MovePlayerCommand(id, input.placement(current))));
        onPlayer(id, () -> commands.sendAndWait(new RetagPlayerCommand(id, input.tagsOr(current))));
        if (input.hardwareProfile() != null) {
            onPlayer(id, () -> commands.sendAndWait(new ChangePlayerProfileCommand(id, input.hardwareProfile())));
        }
        return caughtUp(id);
    }

    PlayerCredentials rotateKey(String playerId) {
        PlayerId id = new PlayerId(playerId);
        String key = onPlayer(id, () -> commands.sendAndWait(new RotatePlayerApiKeyCommand(id)));
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return new PlayerCredentials(id.value(), key, false);
    }

    PlayerView decommission(String playerId) {
        PlayerId id = new PlayerId(playerId);
        onPlayer(id, () -> commands.sendAndWait(new DecommissionPlayerCommand(id)));
        return caughtUp(id);
    }

    PlayerGroupView createGroup(PlayerInputs.PlayerGroupInput input) {
        PlayerGroupId id = input.id() == null ? PlayerGroupId.random() : new PlayerGroupId(input.id());
        var command = new CreatePlayerGroupCommand(id, new PlayerGroupDefinition(input.name(), input.description(),
                input.membership()));
        sendCreating(() -> commands.sendAndWait(command));
        return caughtUp(id);
    }

    PlayerGroupView updateGroup(PlayerInputs.PlayerGroupInput input) {
        PlayerGroupId id = new PlayerGroupId(input.id());
        PlayerGroupView current = directory.group(id.value()).orElseThrow(() -> groupNotFound(id));
        onGroup(id, () -> commands.sendAndWait(new UpdatePlayerGroupCommand(id, new PlayerGroupDefinition(
                input.name() == null ? current.name() : input.name(),
                input.description() == null ? current.description() : input.description(),
                input.membershipOr(current.membership())))));
        return caughtUp(id);
    }

    String deleteGroup(String groupId) {
        PlayerGroupId id = new PlayerGroupId(groupId);
        onGroup(id, () -> commands.sendAndWait(new DeletePlayerGroupCommand(id)));
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return id.value();
    }

    PlayerView player(PlayerId id) {
        return directory.player(id.value()).orElseThrow(() -> playerNotFound(id));
    }

    private PlayerView caughtUp(PlayerId id) {
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return player(id);
    }

    private PlayerGroupView caughtUp(PlayerGroupId id) {
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return directory.group(id.value()).orElseThrow(() -> groupNotFound(id));
    }

    /**
     * A create that lost the race to another create of the same id is sent once more: it then finds the aggregate,
     * and the same values make it a retry, other values a conflict.
     */
    private static <T> T sendCreating(Supplier<T> send) {
        try {
            return send.get();
        } catch (AggregateStreamCreationException lostTheRace) {
            return send.get();
        }
    }

    private static <T> T onPlayer(PlayerId id, Supplier<T> send) {
        try {
            return send.get();
        } catch (AggregateNotFoundException unknown) {
            throw playerNotFound(id);
        }
    }

    private static void onGroup(PlayerGroupId id, Supplier<?> send) {
        try {
            send.get();
        } catch (AggregateNotFoundException unknown) {
            throw groupNotFound(id);
        }
    }

    static NotFoundException playerNotFound(PlayerId id) {
        return new NotFoundException("No player with id " + id);
    }

    static NotFoundException groupNotFound(PlayerGroupId id) {
        return new NotFoundException("No player group with id " + id);
    }
}
