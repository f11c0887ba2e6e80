package io.playmark.query.schedule;

import io.playmark.query.graphql.KeyConnection;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryId;
import io.playmark.query.graphql.KeyConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Playlists and schedule entries over GraphQL; mutations answer once the schedule read model has caught up. */
@Controller
class ScheduleGraphQlController {

    /** An entry's recurrence as GraphQL shows it. */
    record RecurrenceNode(String start, long durationMinutes, String rrule, List<String> exceptions) {
    }

    private final ScheduleChanges changes;
    private final ScheduleReadModel reads;

    ScheduleGraphQlController(ScheduleChanges changes, ScheduleReadModel reads) {
        this.changes = changes;
        this.reads = reads;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlaylistView playlist(@Argument String id) {
        return reads.playlist(new PlaylistId(id));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    KeyConnection<PlaylistView> playlists(@Argument int first, @Argument String after) {
        return reads.playlists(first, after);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    ScheduleEntryNode scheduleEntry(@Argument String id) {
        return reads.entry(new ScheduleEntryId(id));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    KeyConnection<ScheduleEntryNode> scheduleEntries(@Argument String player, @Argument Instant from,
                                               @Argument Instant to, @Argument int first, @Argument String after) {
        return player == null ? reads.entries(first, after)
                : reads.entriesFor(new PlayerId(player), from, to, first, after);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlaylistView createPlaylist(@Argument ScheduleInputs.PlaylistInput input) {
        return changes.createPlaylist(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlaylistView updatePlaylist(@Argument ScheduleInputs.PlaylistInput input) {
        return changes.updatePlaylist(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String deletePlaylist(@Argument String id) {
        return changes.deletePlaylist(id);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    ScheduleEntryNode createScheduleEntry(@Argument ScheduleInputs.ScheduleEntryInput input, @Argument boolean dryRun) {
        return changes.createEntry(input, dryRun);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    ScheduleEntryNode updateScheduleEntry(@Argument ScheduleInputs.ScheduleEntryInput input) {
        return changes.updateEntry(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String deleteScheduleEntry(@Argument String id) {
        return changes.deleteEntry(id);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<ScheduleChanges.PlayerScheduleResult> schedulePlaylistOnPlayers(
            @Argument ScheduleInputs.BulkScheduleInput input, @Argument boolean dryRun) {
        return changes.scheduleOnPlayers(input, dryRun);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<ScheduleChanges.PlayerWeekPlanResult> applyWeekPlan(@Argument ScheduleInputs.WeekPlanInput input,
                                                             @Argument boolean dryRun) {
        return changes.applyWeekPlan(input, dryRun);
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "id")
    String entryId(ScheduleEntryNode node) {
        return node.entry().id();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "playlistId")
    String playlistId(ScheduleEntryNode node) {
        return definition(node).playlistId();
    }

    @BatchMapping(typeName = "ScheduleEntry", field = "playlist")
    Map<ScheduleEntryNode, PlaylistView> entryPlaylists(List<ScheduleEntryNode> nodes) {
        Map<String, PlaylistView> playlists = reads.playlists(nodes.stream().map(node -> definition(node).playlistId())
                .distinct().toList());
        return nodes.stream().distinct().filter(node -> playlists.containsKey(definition(node).playlistId()))
                .collect(Collectors.toMap(Function.identity(), node -> playlists.get(definition(node).playlistId())));
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "players")
    List<String> players(ScheduleEntryNode node) {
        return definition(node).players();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "groups")
    List<String> groups(ScheduleEntryNode node) {
        return definition(node).groups();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "priority")
    int priority(ScheduleEntryNode node) {
        return definition(node).priority();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "exclusive")
    boolean exclusive(ScheduleEntryNode node) {
        return definition(node).exclusive();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "createdAt")
    Instant createdAt(ScheduleEntryNode node) {
        return node.entry().createdAt();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "updatedAt")
    Instant updatedAt(ScheduleEntryNode node) {
        return node.entry().updatedAt();
    }

    @SchemaMapping(typeName = "ScheduleEntry", field = "recurrence")
    RecurrenceNode recurrence(ScheduleEntryNode node) {
        ScheduleEntryDefinedEvent entry = definition(node);
        return new RecurrenceNode(entry.start().toString(), entry.lengthMillis() / 60_000, entry.rrule(),
                entry.exceptions().stream().map(LocalDateTime::toString).toList());
    }

    @SchemaMapping(typeName = "Occurrence", field = "localStart")
    String localStart(Occurrence occurrence) {
        return occurrence.localStart().toString();
    }

    private static ScheduleEntryDefinedEvent definition(ScheduleEntryNode node) {
        return node.entry().definition();
    }
}
