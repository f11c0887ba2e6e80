package io.playmark.command.player;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.ChangePlayerProfileCommand;
import io.playmark.kernel.player.DecommissionPlayerCommand;
import io.playmark.kernel.player.EditPlayerDetailsCommand;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.MovePlayerCommand;
import io.playmark.kernel.player.PlayerApiKeyIssuedEvent;
import io.playmark.kernel.player.PlayerDecommissionedEvent;
import io.playmark.kernel.player.PlayerDetails;
import io.playmark.kernel.player.PlayerDetailsEditedEvent;
import io.playmark.kernel.player.PlayerMovedEvent;
import io.playmark.kernel.player.PlayerProfileChangedEvent;
import io.playmark.kernel.player.PlayerRegisteredEvent;
import io.playmark.kernel.player.PlayerTaggedEvent;
import io.playmark.kernel.player.RegisterPlayerCommand;
import io.playmark.kernel.player.RetagPlayerCommand;
import io.playmark.kernel.player.RotatePlayerApiKeyCommand;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A screen: where it stands, what it shows on, how it is tagged, and whether it is still in service. Registration
 * goes through {@link PlayerRegistration}, which also issues the first key. A change that would change nothing records
 * nothing; a decommissioned player refuses every change.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Player {

    @AggregateIdentifier
    private String playerId;
    private String name;
    private GeoPoint location;
    private String address;
    private String timeZone;
    private Set<String> tags = new TreeSet<>();
    private int width;
    private int height;
    private Orientation orientation;
    private String hardwareProfile;
    private Duration loopLength;
    private boolean decommissioned;

    protected Player() {
        // Axon rebuilds the aggregate from its events.
    }

    Player(RegisterPlayerCommand command) {
        PlayerDetails details = command.details();
        apply(new PlayerRegisteredEvent(command.playerId().value(), details.name(), command.location().point(),
                command.location().address(), command.location().zone().getId(), Tag.values(command.tags()),
                details.resolution().width(), details.resolution().height(), details.orientation(),
                command.hardwareProfile(), details.loopLength().value()));
        apply(new PlayerApiKeyIssuedEvent(command.playerId().value()));
    }

    /** A registration again: the same values issue a new key (the first answer was lost), others are a conflict. */
    void registerAgain(RegisterPlayerCommand command) {
        requireInService();
        PlayerDetails details = command.details();
        boolean same = details.name().equals(name) && command.location().point().equals(location)
                && command.location().address().equals(address) && command.location().zone().getId().equals(timeZone)
                && Tag.values(command.tags()).equals(tags) && details.resolution().width() == width
                && details.resolution().height() == height && details.orientation() == orientation
                && command.hardwareProfile().equals(hardwareProfile) && details.loopLength().value().equals(loopLength);
        if (!same) {
            throw new ConflictException("Player " + playerId + " is already registered with other values");
        }
        apply(new PlayerApiKeyIssuedEvent(playerId));
    }

    @CommandHandler
    public void handle(EditPlayerDetailsCommand command) {
        requireInService();
        PlayerDetails details = command.details();
        if (details.name().equals(name) && details.resolution().width() == width
                && details.resolution().height() == height && details.orientation() == orientation
                && details.loopLength().value().equals(loopLength)) {
            return;
        }
        apply(new PlayerDetailsEditedEvent(playerId, details.name(), details.resolution().width(),
                details.resolution().height(), details.orientation(), details.loopLength().value()));
    }

    @CommandHandler
    public void handle(RetagPlayerCommand command) {
        requireInService();
        Set<String> wanted = Tag.values(command.tags());
        if (wanted.equals(tags)) {
            return;
        }
        Set<String> added = new TreeSet<>(wanted);
        added.removeAll(tags);
        Set<String> removed = new TreeSet<>(tags);
        removed.removeAll(wanted);
        apply(new PlayerTaggedEvent(playerId, wanted, added, removed));
    }

    @CommandHandler
    public void handle(MovePlayerCommand command) {
        requireInService();
        var moved = command.location();
        if (moved.point().equals(location) && moved.address().equals(address) && moved.zone().getId().equals(timeZone)) {
            return;
        }
        apply(new PlayerMovedEvent(playerId, moved.point(), moved.address(), moved.zone().getId()));
    }

    @CommandHandler
    public void handle(ChangePlayerProfileCommand command, HardwareProfiles profiles) {
        requireInService();
        profiles.require(command.hardwareProfile());
        if (!command.hardwareProfile().equals(hardwareProfile)) {
            apply(new PlayerProfileChangedEvent(playerId, command.hardwareProfile()));
        }
    }

    /** Answers the new key's plain text. */
    @CommandHandler
    public String handle(RotatePlayerApiKeyCommand command, PlayerKeys keys) {
        requireInService();
        apply(new PlayerApiKeyIssuedEvent(playerId));
        return keys.issueOnCommit(command.playerId(), name);
    }

    /** Final: decommissioning again changes nothing, but the key is revoked again in case a first try failed. */
    @CommandHandler
    public void handle(DecommissionPlayerCommand command, PlayerKeys keys) {
        if (!decommissioned) {
            apply(new PlayerDecommissionedEvent(playerId));
        }
        keys.revokeOnCommit(command.playerId());
    }

    /** The player as planning and decisioning see it; empty once decommissioned (the audit replays it to a moment). */
    public Optional<TargetedPlayer> targeted() {
        return decommissioned ? Optional.empty() : Optional.of(new TargetedPlayer(new PlayerId(playerId), name,
                ZoneId.of(timeZone), hardwareProfile, orientation, Set.copyOf(tags), location, loopLength));
    }

    private void requireInService() {
        if (decommissioned) {
            throw new ConflictException("Player " + playerId + " is decommissioned; it cannot change any more");
        }
    }

    @EventSourcingHandler
    void on(PlayerRegisteredEvent event) {
        playerId = event.playerId();
        name = event.name();
        location = event.location();
        address = event.address();
        timeZone = event.timeZone();
        tags = new TreeSet<>(event.tags());
        width = event.width();
        height = event.height();
        orientation = event.orientation();
        hardwareProfile = event.hardwareProfile();
        loopLength = event.loopLength();
    }

    @EventSourcingHandler
    void on(PlayerDetailsEditedEvent event) {
        name = event.name();
        width = event.width();
        height = event.height();
        orientation = event.orientation();
        loopLength = event.loopLength();
    }

    @EventSourcingHandler
    void on(PlayerTaggedEvent event) {
        tags = new TreeSet<>(event.tags());
    }

    @EventSourcingHandler
    void on(PlayerMovedEvent event) {
        location = event.location();
        address = event.address();
        timeZone = event.timeZone();
    }

    @EventSourcingHandler
    void on(PlayerProfileChangedEvent event) {
        hardwareProfile = event.hardwareProfile();
    }

    @EventSourcingHandler
    void on(PlayerDecommissionedEvent event) {
        decommissioned = true;
    }
}
