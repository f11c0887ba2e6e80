package io.playmark.query.play;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignSummary;
import io.playmark.kernel.campaign.FindCampaignSummaryQuery;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TimeZones;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The questions dashboards ask of plays: a campaign's delivery from Elasticsearch aggregations (exact: one document
 * per play), open periods from the players' reporting progress, flagged plays, and one rollup by its key.
 */
@Component
class PlayAnalytics {

    /** The longest range one delivery question may cover. */
    static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final int MAX_PLAYERS = 10_000;
    private static final int TOP_ASSETS = 10;
    private static final int MAX_GROUPS = 1_000;
    private static final int TOP_ERRORS = 20;
    /** What failures without an error text are counted under. */
    static final String NO_ERROR = "(no error given)";

    private final PlayIndex index;
    private final QueryGateway queries;
    private final PlayReporting reporting;
    private final PlayRollups rollups;

    PlayAnalytics(PlayIndex index, PlayReporting reporting, PlayRollups rollups, QueryGateway queries) {
        this.index = index;
        this.queries = queries;
        this.reporting = reporting;
        this.rollups = rollups;
    }

    CampaignDelivery delivery(CampaignId campaign, Instant from, Instant to, CampaignDelivery.DeliveryInterval interval,
                              String zoneId) {
        ZoneId zone = checkRange(from, to, zoneId);
        Query plays = playsOf(campaign, from, to);
        SearchResponse<Void> response = index.search(s -> s.size(0).trackTotalHits(t -> t.enabled(true)).query(plays)
                .aggregations(DeliveryCounts.aggregations())
                .aggregations("players", breakdown("playerId", "playerName", MAX_PLAYERS))
                .aggregations("assets", breakdown("assetId", "assetName", TOP_ASSETS))
                .aggregations("groups", a -> a.terms(t -> t.field("playerGroups").size(MAX_GROUPS))
                        .aggregations(DeliveryCounts.aggregations())
                        .aggregations("names", n -> n.topHits(h -> h.size(1)
                                .source(src -> src.filter(f -> f.includes("playerGroups", "playerGroupNames"))))))
                .aggregations("failures", a -> a.filter(f -> f.term(t -> t.field("outcome").value("FAILED")))
                        .aggregations("errors", e -> e.terms(t -> t.field("error").size(TOP_ERRORS)
                                .missing(NO_ERROR))))
                .aggregations("periods", a -> a.dateHistogram(h -> h.field("startedAt").timeZone(zone.getId())
                                .calendarInterval(interval == CampaignDelivery.DeliveryInterval.HOUR
                                        ? CalendarInterval.Hour : CalendarInterval.Day).minDocCount(1))
                        .aggregations(DeliveryCounts.aggregations())), Void.class);
        Map<String, Aggregate> aggregations = response.aggregations();
        if (aggregations.isEmpty()) {
            // no plays index yet (no play recorded since the start, or all retired): nothing delivered
            return new CampaignDelivery(campaign.value(), from, to, zone.getId(), interval, DeliveryCounts.NONE,
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        DeliveryCounts totals = DeliveryCounts.of(response.hits().total().value(), aggregations);
        List<CampaignDelivery.Breakdown> players = breakdown(aggregations.get("players"));
        List<CampaignDelivery.OpenPeriod> open = openPeriods(players.stream().map(CampaignDelivery.Breakdown::id)
                .toList(), from, to);
        List<CampaignDelivery.FailureCount> failures = aggregations.get("failures").filter().aggregations()
                .get("errors").sterms().buckets().array().stream()
                .map(bucket -> new CampaignDelivery.FailureCount(bucket.key().stringValue(), bucket.docCount()))
                .toList();
        List<CampaignDelivery.Period> periods = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get("periods").dateHistogram().buckets().array()) {
            Instant start = Instant.ofEpochMilli(bucket.key());
            Instant end = interval == CampaignDelivery.DeliveryInterval.HOUR ? start.plus(Duration.ofHours(1))
                    : start.atZone(zone).plusDays(1).toInstant();
            boolean isOpen = open.stream().anyMatch(period -> period.from().isBefore(end) && period.to().isAfter(start));
            periods.add(new CampaignDelivery.Period(start, start.atZone(zone).toOffsetDateTime().toString(),
                    DeliveryCounts.of(bucket.docCount(), bucket.aggregations()), isOpen));
        }
        return new CampaignDelivery(campaign.value(), from, to, zone.getId(), interval, totals, periods, open, players,
                groups(aggregations.get("groups")), breakdown(aggregations.get("assets")), failures);
    }

    /** The zone of a delivery question, after checking its range; refuses what no delivery question may ask. */
    static ZoneId checkRange(Instant from, Instant to, String zoneId) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidValueException("to", "to must be after from and at most " + MAX_RANGE.toDays()
                    + " days later, was " + from + " to " + to);
        }
        return TimeZones.of("zone", zoneId);
    }

    /** Plays in one cell of the map: the geohash cell, the plays' centre within it and their counts. */
    record LocationBreakdown(String geohash, double latitude, double longitude, DeliveryCounts counts) {
    }

    /** The most cells one location breakdown answers, the most plays first. */
    static final int MAX_CELLS = 1_000;

    /**
     * A campaign's delivery by where its screens stood, in geohash cells of {@code precision} characters (1: a
     * continent, 5: about 5 km, 7: a street): the plays of screens without a location are left out.
     */
    List<LocationBreakdown> locations(CampaignId campaign, Instant from, Instant to, int precision) {
        checkRange(from, to, "UTC");
        if (precision < 1 || precision > 12) {
            throw new InvalidValueException("precision", "precision must be 1 to 12 geohash characters, was "
                    + precision);
        }
        SearchResponse<Void> response = index.search(s -> s.size(0).query(playsOf(campaign, from, to))
                .aggregations("cells", a -> a.geohashGrid(g -> g.field("location")
                                .precision(p -> p.geohashLength(precision)).size(MAX_CELLS))
                        .aggregations(DeliveryCounts.aggregations())
                        .aggregations("centre", c -> c.geoCentroid(g -> g.field("location")))), Void.class);
        if (response.aggregations().isEmpty()) {
            return List.of();
        }
        return response.aggregations().get("cells").geohashGrid().buckets().array().stream().map(cell -> {
            var centre = cell.aggregations().get("centre").geoCentroid().location().latlon();
            return new LocationBreakdown(cell.key(), centre.lat(), centre.lon(),
                    DeliveryCounts.of(cell.docCount(), cell.aggregations()));
        }).toList();
    }

    /** The groups a play's player was in, ids and names side by side, as its document keeps them. */
    record PlayGroups(List<String> playerGroups, List<String> playerGroupNames) {
    }

    /** Plays by the display groups their players were in when they played; a play counts for each of its groups. */
    private static List<CampaignDelivery.Breakdown> groups(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(bucket -> {
            String id = bucket.key().stringValue();
            PlayGroups groups = bucket.aggregations().get("names").topHits().hits().hits().getFirst().source()
                    .to(PlayGroups.class);
            int at = groups.playerGroups().indexOf(id);
            return new CampaignDelivery.Breakdown(id, at < 0 ? null : groups.playerGroupNames().get(at),
                    DeliveryCounts.of(bucket.docCount(), bucket.aggregations()));
        }).toList();
    }

    /** Plays by {@code idField}, the most first, each with its counts and the name its plays carry. */
    private static Aggregation breakdown(String idField, String nameField, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(idField).size(size))
                .aggregations(DeliveryCounts.aggregations())
                .aggregations("name", n -> n.terms(t -> t.field(nameField).size(1))));
    }

    private static List<CampaignDelivery.Breakdown> breakdown(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(bucket -> {
            List<StringTermsBucket> names = bucket.aggregations().get("name").sterms().buckets().array();
            return new CampaignDelivery.Breakdown(bucket.key().stringValue(),
                    names.isEmpty() ? null : names.getFirst().key().stringValue(),
                    DeliveryCounts.of(bucket.docCount(), bucket.aggregations()));
        }).toList();
    }

    /**
     * The campaign's delivery over its flight until {@code now} against a goal of plays or impressions; null without
     * such a goal or a flight (share of voice is paced by the schedule, not counted here).
     */
    DeliveryGoal goal(CampaignId campaign, Instant now) {
        CampaignSummary summary = queries.query(new FindCampaignSummaryQuery(campaign),
                ResponseTypes.instanceOf(CampaignSummary.class)).join();
        if (summary == null || summary.flightStart() == null
                || (summary.goalKind() != GoalKind.PLAYS && summary.goalKind() != GoalKind.IMPRESSIONS)) {
            return null;
        }
        Instant until = now.isBefore(summary.flightEnd()) ? now : summary.flightEnd();
        DeliveryCounts delivered = until.isAfter(summary.flightStart())
                ? totals(campaign, summary.flightStart(), until) : DeliveryCounts.NONE;
        return new DeliveryGoal(summary.goalKind(), summary.goalTarget(), summary.goalKind() == GoalKind.PLAYS
                ? delivered.plays() : delivered.impressions(),
                DeliveryGoal.expected(summary.goalTarget(), summary.flightStart(), summary.flightEnd(), now));
    }

    private DeliveryCounts totals(CampaignId campaign, Instant from, Instant to) {
        SearchResponse<Void> response = index.search(s -> s.size(0).trackTotalHits(t -> t.enabled(true))
                .query(playsOf(campaign, from, to)).aggregations(DeliveryCounts.aggregations()), Void.class);
        return response.aggregations().isEmpty() ? DeliveryCounts.NONE
                : DeliveryCounts.of(response.hits().total().value(), response.aggregations());
    }

    private static Query playsOf(CampaignId campaign, Instant from, Instant to) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("campaignId").value(campaign.value())))
                .filter(f -> f.range(r -> r.date(d -> d.field("startedAt").gte(from.toString()).lt(to.toString()))))));
    }

    /** From the hour each player's latest play started in (its first open hour) to the range's end. */
    List<CampaignDelivery.OpenPeriod> openPeriods(List<String> players, Instant from, Instant to) {
        Map<String, PlayReporting.Reported> reported = reporting.of(players);
        List<CampaignDelivery.OpenPeriod> open = new ArrayList<>();
        for (String player : players) {
            PlayReporting.Reported progress = reported.get(player);
            Instant openFrom = progress == null ? from : progress.openFrom();
            if (openFrom.isBefore(to)) {
                open.add(new CampaignDelivery.OpenPeriod(player, openFrom.isAfter(from) ? openFrom : from, to));
            }
        }
        return open;
    }

    /** How far the player has reported: its hours before the returned one are complete; null if it never reported. */
    Instant completeUntil(PlayerId player) {
        PlayReporting.Reported progress = reporting.of(List.of(player.value())).get(player.value());
        return progress == null ? null : progress.openFrom();
    }

    /** One rollup by its key; zeros when nothing played then. */
    DeliveryCounts rollup(PlayerId player, CampaignId campaign, String assetId, Instant hour) {
        String key = PlayRollups.key(player.value(), campaign == null ? null : campaign.value(), assetId, hour);
        return rollups.find(List.of(key)).stream().findFirst().map(DeliveryCounts::of).orElse(DeliveryCounts.NONE);
    }

    /** Flagged plays, newest first; the cursor is the last play's start and id. */
    PlayPage flagged(int first, String after) {
        if (first < 1 || first > 100) {
            throw new InvalidValueException("first", "first must be between 1 and 100, was " + first);
        }
        PlayCursor from = after == null ? null : PlayCursor.decode(after);
        SearchResponse<PlayDocument> response = index.search(s -> {
            s.size(first + 1).query(q -> q.exists(e -> e.field("flags")))
                    .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("playId").order(SortOrder.Asc)));
            if (from != null) {
                s.searchAfter(FieldValue.of(from.startedAt().toEpochMilli()), FieldValue.of(from.playId()));
            }
            return s;
        }, PlayDocument.class);
        List<PlayDocument> hits = response.hits().hits().stream().map(Hit::source).toList();
        boolean more = hits.size() > first;
        return new PlayPage(more ? hits.subList(0, first) : hits, more, from != null);
    }

    record PlayPage(List<PlayDocument> plays, boolean hasNextPage, boolean hasPreviousPage) {
    }

    /** Where a page of plays ended: the last play's start and id, which order plays totally. */
    record PlayCursor(Instant startedAt, String playId) {

        String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (startedAt.toEpochMilli() + ":" + playId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static PlayCursor decode(String cursor) {
            try {
                String text = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                return new PlayCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
                        text.substring(colon + 1));
            } catch (RuntimeException malformed) {
                throw new InvalidValueException("after", "after is not a cursor of this list: '" + cursor + "'");
            }
        }

        static PlayCursor of(PlayDocument play) {
            return new PlayCursor(play.startedAt().truncatedTo(ChronoUnit.MILLIS), play.playId());
        }
    }
}
