package io.playmark.command.player;

import io.playmark.kernel.player.PlayerCredentials;
import io.playmark.kernel.player.RegisterPlayerCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers players and issues their first key, which the aggregate's constructor could not answer. A registration
 * retried with the same id and values issues a new key in place of the first: the retry's caller most likely never
 * saw the first answer, and a key nobody holds is worth nothing. The key is bound once the events are committed, so
 * of two registrations racing for one id only the one that wrote answers a working key at first.
 */
@Component
class PlayerRegistration {

    private final Repository<Player> players;
    private final HardwareProfiles profiles;
    private final PlayerKeys keys;

    PlayerRegistration(Repository<Player> players, HardwareProfiles profiles, PlayerKeys keys) {
        this.players = players;
        this.profiles = profiles;
        this.keys = keys;
    }

    @CommandHandler
    PlayerCredentials handle(RegisterPlayerCommand command) throws Exception {
        profiles.require(command.hardwareProfile());
        String id = command.playerId().value();
        boolean created;
        try {
            players.load(id).execute(player -> player.registerAgain(command));
            created = false;
        } catch (AggregateNotFoundException notYet) {
            players.newInstance(() -> new Player(command));
            created = true;
        }
        return new PlayerCredentials(id, keys.issueOnCommit(command.playerId(), command.details().name()), created);
    }
}
