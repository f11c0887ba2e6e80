package io.playmark.command.schedule;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.CreatePlaylistCommand;
import io.playmark.kernel.schedule.DeletePlaylistCommand;
import io.playmark.kernel.schedule.PlaylistContent;
import io.playmark.kernel.schedule.PlaylistCreatedEvent;
import io.playmark.kernel.schedule.PlaylistDeletedEvent;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.PlaylistUpdatedEvent;
import io.playmark.kernel.schedule.UpdatePlaylistCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A content playlist: a name, ordered items (approved assets with durations, or nested playlists), a shuffle flag
 * and the ad slots its loop leaves. A change that changes nothing records nothing, so retries are safe. A deleted
 * playlist stays deleted; entries still naming it are the schedule's to clean up (not built yet).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Playlist {

    @AggregateIdentifier
    private String playlistId;
    private String name;
    private List<PlaylistItem> items = List.of();
    private boolean shuffle;
    private AdSlots adSlots = AdSlots.none();
    private boolean deleted;

    protected Playlist() {
        // Axon rebuilds the aggregate from its events.
    }

    /** A create retried with the same values changes nothing; with other values it is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreatePlaylistCommand command, PlaylistLibrary library) {
        var content = command.content();
        List<PlaylistItem> resolved = new PlaylistRules(library).resolve(command.playlistId(), content.items());
        var wanted = new PlaylistCreatedEvent(command.playlistId().value(), command.name().value(), resolved,
                content.shuffle(), content.adSlots());
        if (playlistId == null) {
            apply(wanted);
            return;
        }
        if (deleted || !wanted.equals(created())) {
            throw new ConflictException("Playlist " + playlistId + " already exists with other values"
                    + (deleted ? " (it was deleted)" : ""));
        }
    }

    @CommandHandler
    public void handle(UpdatePlaylistCommand command, PlaylistLibrary library) {
        requireNotDeleted();
        var content = command.content();
        List<PlaylistItem> resolved = new PlaylistRules(library).resolve(command.playlistId(), content.items());
        var wanted = new PlaylistUpdatedEvent(playlistId, command.name().value(), resolved, content.shuffle(),
                content.adSlots());
        if (!wanted.equals(new PlaylistUpdatedEvent(playlistId, name, items, shuffle, adSlots))) {
            apply(wanted);
        }
    }

    @CommandHandler
    public void handle(DeletePlaylistCommand command) {
        if (!deleted) {
            apply(new PlaylistDeletedEvent(playlistId));
        }
    }

    private PlaylistCreatedEvent created() {
        return new PlaylistCreatedEvent(playlistId, name, items, shuffle, adSlots);
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new ConflictException("Playlist " + playlistId + " was deleted");
        }
    }

    /** What the playlist plays; empty once deleted. */
    public Optional<PlaylistContent> content() {
        return deleted ? Optional.empty() : Optional.of(new PlaylistContent(items, shuffle, adSlots));
    }

    public String name() {
        return name;
    }

    @EventSourcingHandler
    void on(PlaylistCreatedEvent event) {
        playlistId = event.playlistId();
        setContent(event.name(), event.items(), event.shuffle(), event.adSlots());
    }

    @EventSourcingHandler
    void on(PlaylistUpdatedEvent event) {
        setContent(event.name(), event.items(), event.shuffle(), event.adSlots());
    }

    @EventSourcingHandler
    void on(PlaylistDeletedEvent event) {
        deleted = true;
    }

    private void setContent(String name, List<PlaylistItem> items, boolean shuffle, AdSlots adSlots) {
        this.name = name;
        this.items = items;
        this.shuffle = shuffle;
        this.adSlots = adSlots;
    }
}
