package io.playmark.query.decisioning;

import io.playmark.kernel.audit.PlayerMoment;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.query.graphql.KeyConnection;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The loop snapshot (what players will show) and explain, over GraphQL, for the dashboards. */
@Controller
class DecisioningGraphQlController {

    private static final int MAX_TIMELINES = 20;
    private static final int MAX_ITEMS = 500;

    private final PlayerPlaylists playlists;
    private final AdExplanations explanations;
    private final QueryGateway queries;
    private final PastPlaylists past;
    private final Clock clock;

    DecisioningGraphQlController(PlayerPlaylists playlists, AdExplanations explanations, QueryGateway queries,
                                 PastPlaylists past, Clock clock) {
        this.playlists = playlists;
        this.past = past;
        this.explanations = explanations;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlaylistDocument playerTimeline(@Argument String player, @Argument Instant from, @Argument Instant to) {
        PlaylistWindow window = window(from, to);
        return playlists.document(new PlayerId(player), window.from(), window.to());
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    KeyConnection<PlaylistDocument> groupTimelines(@Argument String group, @Argument Instant from,
                                                   @Argument Instant to, @Argument int first, @Argument String after) {
        KeyConnection.requireSize(first, MAX_TIMELINES);
        PlaylistWindow window = window(from, to);
        String cursor = KeyConnection.keyOf(after);
        List<TargetedPlayer> members = queries.query(new FindTargetedPlayersQuery(
                        new PlayerTarget(null, Set.of(new PlayerGroupId(group)), null, null)),
                ResponseTypes.multipleInstancesOf(TargetedPlayer.class)).join();
        List<PlaylistDocument> page = members.stream()
                .filter(member -> cursor == null || member.id().value().compareTo(cursor) > 0)
                .limit(first + 1L)
                .map(member -> playlists.document(member.id(), window.from(), window.to()))
                .toList();
        return KeyConnection.of(page, PlaylistDocument::playerId, first, cursor != null);
    }

    /** An item as GraphQL shows it: with its asset's file and its campaign's name beside it. */
    record TimelineEntry(Instant start, String localStart, long durationMs, String kind, String assetId,
                         String title, String campaignId, String campaignName, PlaylistDocument.File file) {

        static TimelineEntry of(PlaylistDocument timeline, PlaylistDocument.Item item) {
            PlaylistDocument.File file = timeline.files().get(item.assetId());
            return new TimelineEntry(item.start(), item.localStart().toString(), item.durationMs(), item.kind(),
                    item.assetId(), file.title(), item.campaignId(),
                    item.campaignId() == null ? null : timeline.campaigns().get(item.campaignId()), file);
        }
    }

    @SchemaMapping(typeName = "PlayerTimeline", field = "items")
    KeyConnection<TimelineEntry> items(PlaylistDocument timeline, @Argument int first, @Argument String after) {
        KeyConnection.requireSize(first, MAX_ITEMS);
        String cursor = KeyConnection.keyOf(after);
        Instant afterStart = cursor == null ? null : PlaylistWindow.instant("after", cursor);
        List<TimelineEntry> rest = timeline.items().stream()
                .filter(item -> afterStart == null || item.start().isAfter(afterStart))
                .limit(first + 1L)
                .map(item -> TimelineEntry.of(timeline, item)).toList();
        return KeyConnection.of(rest, entry -> entry.start().toString(), first, cursor != null);
    }

    /** The audit's screen past (AUDITOR and ADMIN only, checked there) with its timeline re-resolved. */
    @SchemaMapping(typeName = "ScreenPast", field = "playlist")
    PastPlaylist pastPlaylist(PlayerMoment screen, @Argument Instant from, @Argument Instant to) {
        return past.at(new PlayerId(screen.playerId()), screen.at(), from, to).orElse(null);
    }

    @SchemaMapping(typeName = "PastPlaylist", field = "playing")
    TimelineEntry playing(PastPlaylist past) {
        return past.playing() == null ? null : TimelineEntry.of(past.timeline(), past.playing());
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST')")
    AdExplanations.Answer explainAd(@Argument String player, @Argument String campaign, @Argument Instant at) {
        return explanations.explain(new PlayerId(player), new CampaignId(campaign), at);
    }

    private PlaylistWindow window(Instant from, Instant to) {
        return PlaylistWindow.of(from == null ? null : from.toString(), to == null ? null : to.toString(), clock);
    }
}
