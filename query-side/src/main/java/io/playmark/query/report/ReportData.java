package io.playmark.query.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.util.NamedValue;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignSummary;
import io.playmark.kernel.campaign.FindCampaignSummaryQuery;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.play.FindOpenPeriodsQuery;
import io.playmark.kernel.play.OpenPeriod;
import io.playmark.kernel.report.Dimension;
import io.playmark.kernel.report.Metric;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ReportType;
import io.playmark.kernel.report.TimeBasis;
import io.playmark.kernel.report.TimeRange;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a report out of the plays index (the alias {@value #PLAYS}, docs/analytics.md), never holding its plays:
 * groups come from composite aggregations a page of {@value #PAGE} at a time (after_key), a raw play log from a
 * point in time read with search_after. Only a sorted report keeps its groups (its top N, or all of them up to
 * {@value #MAX_SORTED_GROUPS}) before writing them. Every row says whether it touches an open period.
 */
@Component
public class ReportData {

    static final String PLAYS = "plays";
    static final int PAGE = 1_000;
    static final int MAX_SORTED_GROUPS = 1_000_000;
    private final ElasticsearchClient client;
    private final RawPlayLog rawLog;
    private final QueryGateway queries;

    ReportData(ElasticsearchClient client, RawPlayLog rawLog, QueryGateway queries) {
        this.client = client;
        this.rawLog = rawLog;
        this.queries = queries;
    }

    /** What one run wrote: rows and the open periods its rows were marked by. */
    public record Written(long rows, List<OpenPeriod> openPeriods) {
    }

    public Written write(ReportSpec spec, TimeRange.Interval range, ReportSink sink, ReportProgress progress)
            throws IOException {
        if (!exists()) {
            sink.columns(spec.type() == ReportType.RAW_PLAY_LOG ? rawColumns() : groupColumns(spec));
            return new Written(0, List.of());
        }
        Query query = PlayFilter.of(spec.filters(), range);
        long total = call(() -> client.count(c -> c.index(PLAYS).query(query)).count());
        Lookups lookups = lookups(spec, query);
        Map<String, ZoneId> zones = new HashMap<>();
        List<OpenPeriod> open = openPeriods(query, range, lookups, zones);
        OpenMarks marks = new OpenMarks(open, zones);
        if (spec.type() == ReportType.RAW_PLAY_LOG) {
            return new Written(raw(query, total, marks, sink, progress), open);
        }
        return new Written(groups(spec, range, query, total, marks, lookups, sink, progress), open);
    }

    private boolean exists() {
        return call(() -> client.indices().existsAlias(e -> e.name(PLAYS)).value());
    }

    // ---- grouped reports

    private static List<ReportColumn> groupColumns(ReportSpec spec) {
        List<ReportColumn> columns = new ArrayList<>(new ReportGroups(spec).columns());
        for (Metric metric : spec.metrics()) {
            columns.add(new ReportColumn(column(metric), metric == Metric.COMPLETION_RATE
                    || metric == Metric.SHARE_OF_GOAL ? ReportColumn.Kind.DECIMAL : ReportColumn.Kind.NUMBER));
        }
        columns.add(new ReportColumn("open", ReportColumn.Kind.FLAG));
        return columns;
    }

    static String column(Metric metric) {
        return switch (metric) {
            case PLAYS -> "plays";
            case COMPLETED -> "completed";
            case COMPLETION_RATE -> "completionRate";
            case INTERRUPTED -> "interrupted";
            case FAILED -> "failed";
            case PLAYED_TIME -> "playedMs";
            case IMPRESSIONS -> "impressions";
            case SHARE_OF_GOAL -> "shareOfGoal";
            case ACTIVE_HOURS -> "activeHours";
        };
    }

    /** A group read: its key and counts. */
    private record Group(ReportGroups.Key key, Counts counts) {
    }

    private long groups(ReportSpec spec, TimeRange.Interval range, Query query, long total, OpenMarks marks,
                        Lookups lookups, ReportSink sink, ReportProgress progress) throws IOException {
        ReportGroups groups = new ReportGroups(spec);
        sink.columns(groupColumns(spec));
        Map<String, Aggregation> subs = new LinkedHashMap<>(Counts.aggregations(spec.metrics()
                .contains(Metric.ACTIVE_HOURS)));
        for (Dimension dimension : spec.dimensions()) {
            String name = ReportGroups.nameField(dimension);
            if (name != null && !lookups.names().containsKey(dimension)) {
                subs.put("name_" + dimension, Aggregation.of(a -> a.terms(t -> t.field(name).size(1))));
            }
        }
        Goals goals = new Goals();
        Output output = new Output(spec, sink, marks, goals, progress);
        Map<List<Object>, Group> pending = new LinkedHashMap<>();
        Object pendingPeriod = null;
        int timeCell = groups.merged() ? timeCell(groups) : -1;
        Map<String, FieldValue> after = null;
        long seen = 0;
        do {
            if (progress.cancelled()) {
                throw new ReportProgress.Cancelled();
            }
            Map<String, FieldValue> from = after;
            SearchResponse<Void> response = call(() -> client.search(s -> s.index(PLAYS).size(0).query(query)
                    .aggregations("groups", a -> a.composite(c -> {
                        c.size(PAGE).sources(groups.sources());
                        if (from != null) {
                            c.after(from);
                        }
                        return c;
                    }).aggregations(subs)), Void.class));
            CompositeAggregate composite = response.aggregations().get("groups").composite();
            List<CompositeBucket> buckets = composite.buckets().array();
            for (CompositeBucket bucket : buckets) {
                seen += bucket.docCount();
                Group group = new Group(groups.key(bucket.key(), names(spec, bucket, lookups), range.from(),
                        range.to()), Counts.of(bucket.docCount(), bucket.aggregations()));
                if (timeCell < 0) {
                    output.add(group);
                    continue;
                }
                Object period = group.key().cells().get(timeCell);
                if (pendingPeriod != null && !pendingPeriod.equals(period)) {
                    pending.values().forEach(output::add);
                    pending.clear();
                }
                pendingPeriod = period;
                pending.merge(group.key().cells(), group, (one, other) -> new Group(one.key(),
                        one.counts().plus(other.counts())));
            }
            after = buckets.size() < PAGE ? null : composite.afterKey();
            progress.update(total == 0 ? 1 : Math.min(0.99, (double) seen / total), output.rows);
        } while (after != null && !output.full());
        pending.values().forEach(output::add);
        output.finish();
        return output.rows;
    }

    private static int timeCell(ReportGroups groups) {
        List<ReportColumn> columns = groups.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals("localPeriod")) {
                return i;
            }
        }
        throw new IllegalStateException("no time column");
    }

    private static Map<Dimension, String> names(ReportSpec spec, CompositeBucket bucket, Lookups lookups) {
        Map<String, Aggregate> aggregations = bucket.aggregations();
        Map<Dimension, String> names = new HashMap<>();
        for (Dimension dimension : spec.dimensions()) {
            Map<String, String> known = lookups.names().get(dimension);
            if (known != null) {
                FieldValue id = bucket.key().get(dimension.name());
                names.put(dimension, id == null || id.isNull() ? null : known.get(id.stringValue()));
                continue;
            }
            Aggregate name = aggregations.get("name_" + dimension);
            if (name != null) {
                List<StringTermsBucket> buckets = name.sterms().buckets().array();
                names.put(dimension, buckets.isEmpty() ? null : buckets.getFirst().key().stringValue());
            }
        }
        return names;
    }

    /** Writes groups as rows, or keeps them to sort first; stops at the top N. */
    private final class Output {
        private final ReportSpec spec;
        private final ReportSink sink;
        private final OpenMarks marks;
        private final Goals goals;
        private final ReportProgress progress;
        private final Comparator<Group> order;
        private final PriorityQueue<Group> top;
        private final List<Group> kept = new ArrayList<>();
        long rows;

        Output(ReportSpec spec, ReportSink sink, OpenMarks marks, Goals goals, ReportProgress progress) {
            this.spec = spec;
            this.sink = sink;
            this.marks = marks;
            this.goals = goals;
            this.progress = progress;
            Comparator<Group> ascending = spec.sortBy() == null ? null
                    : Comparator.comparingDouble(group -> value(spec.sortBy(), group));
            this.order = ascending == null ? null : spec.descending() ? ascending.reversed() : ascending;
            this.top = order != null && spec.top() != null ? new PriorityQueue<>(order.reversed()) : null;
        }

        boolean full() {
            return order == null && spec.top() != null && rows >= spec.top();
        }

        void add(Group group) {
            if (order == null) {
                if (!full()) {
                    write(group);
                }
            } else if (top != null) {
                top.add(group);
                if (top.size() > spec.top()) {
                    top.poll();
                }
            } else {
                if (kept.size() >= MAX_SORTED_GROUPS) {
                    throw new IllegalStateException("a sorted report keeps at most " + MAX_SORTED_GROUPS
                            + " groups: set top, or leave the sort out to write any number");
                }
                kept.add(group);
            }
        }

        void finish() {
            List<Group> sorted = top != null ? new ArrayList<>(top) : kept;
            if (order != null) {
                sorted.sort(order);
                sorted.forEach(this::write);
            }
        }

        private void write(Group group) {
            List<Object> cells = new ArrayList<>(group.key().cells());
            for (Metric metric : spec.metrics()) {
                cells.add(cell(metric, group));
            }
            cells.add(marks.open(group.key()));
            try {
                sink.row(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        private Object cell(Metric metric, Group group) {
            Counts counts = group.counts();
            return switch (metric) {
                case PLAYS -> counts.plays();
                case COMPLETED -> counts.completed();
                case COMPLETION_RATE -> counts.completionRate();
                case INTERRUPTED -> counts.interrupted();
                case FAILED -> counts.failed();
                case PLAYED_TIME -> counts.playedMs();
                case IMPRESSIONS -> counts.impressions();
                case SHARE_OF_GOAL -> goals.share(group.key().campaignId(), counts);
                case ACTIVE_HOURS -> counts.activeHours();
            };
        }

        private double value(Metric metric, Group group) {
            Object cell = cell(metric, group);
            return cell instanceof Number number ? number.doubleValue() : -1;
        }
    }

    /** Campaign goals, asked once per campaign in a run. */
    private final class Goals {
        private final Map<String, CampaignSummary> summaries = new HashMap<>();

        Double share(String campaignId, Counts counts) {
            if (campaignId == null) {
                return null;
            }
            CampaignSummary summary = summaries.computeIfAbsent(campaignId, id -> queries.query(
                    new FindCampaignSummaryQuery(new CampaignId(id)),
                    ResponseTypes.instanceOf(CampaignSummary.class)).join());
            if (summary == null || summary.goalTarget() <= 0 || (summary.goalKind() != GoalKind.PLAYS
                    && summary.goalKind() != GoalKind.IMPRESSIONS)) {
                return null;
            }
            long delivered = summary.goalKind() == GoalKind.PLAYS ? counts.plays() : counts.impressions();
            return Math.round(10_000.0 * delivered / summary.goalTarget()) / 10_000.0;
        }
    }

    // ---- raw play log

    static List<ReportColumn> rawColumns() {
        List<ReportColumn> columns = new ArrayList<>();
        for (String field : RawPlayLog.FIELDS) {
            boolean number = field.equals("localHour") || field.endsWith("Ms") || field.equals("impressions");
            columns.add(new ReportColumn(field, number ? ReportColumn.Kind.NUMBER : ReportColumn.Kind.TEXT));
        }
        columns.add(new ReportColumn("open", ReportColumn.Kind.FLAG));
        return columns;
    }

    /**
     * The raw play log in start order, a page of {@value RawPlayLog#PAGE} at a time: the next page is asked for as
     * soon as a page arrives and is read while this one is written, so Elasticsearch and the writer work side by
     * side, and at most two pages are held.
     */
    private long raw(Query query, long total, OpenMarks marks, ReportSink sink, ReportProgress progress)
            throws IOException {
        sink.columns(rawColumns());
        String opened = call(() -> client.openPointInTime(p -> p.index(PLAYS).keepAlive(k -> k.time("5m"))).id());
        String latest = opened;
        long rows = 0;
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RawPlayLog.Page> next = reader.submit(() -> rawLog.page(query, opened, null));
            while (true) {
                if (progress.cancelled()) {
                    next.cancel(true);
                    throw new ReportProgress.Cancelled();
                }
                RawPlayLog.Page page = arrived(next);
                latest = page.pit();
                if (page.after() != null) {
                    next = reader.submit(() -> rawLog.page(query, page.pit(), page.after()));
                }
                for (RawPlayLog.Play play : page.plays()) {
                    List<Object> cells = play.cells();
                    cells.add(marks.open(play.playerId(), play.startedAt(), play.startedAt().plusMillis(1)));
                    sink.row(cells);
                    rows++;
                }
                progress.update(total == 0 ? 1 : Math.min(0.99, (double) rows / total), rows);
                if (page.after() == null) {
                    return rows;
                }
            }
        } finally {
            String last = latest;
            call(() -> client.closePointInTime(c -> c.id(last)));
        }
    }

    private static <T> T arrived(Future<T> page) {
        try {
            return page.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReportProgress.Cancelled();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    // ---- open periods and summary

    /**
     * What a run looks up once, in one request beside its groups: the players with plays in the range and their
     * zones (for open periods), and the names of the campaigns, assets and players it groups by, so that the
     * groups need no name sub-aggregation. A lookup with more than {@value #MAX_LOOKUP} values is left out and
     * read the slower way (players by composite pages, names per group).
     */
    record Lookups(Map<String, ZoneId> players, Map<Dimension, Map<String, String>> names) {
    }

    static final int MAX_LOOKUP = 10_000;

    private Lookups lookups(ReportSpec spec, Query query) {
        List<Dimension> named = spec.dimensions().stream().filter(d -> ReportGroups.nameField(d) != null).toList();
        SearchResponse<Void> response = call(() -> client.search(s -> {
            s.index(PLAYS).size(0).query(query).aggregations("players", a -> a.terms(t -> t.field("playerId")
                    .size(MAX_LOOKUP)).aggregations("zone", z -> z.terms(t -> t.field("timeZone").size(1))));
            for (Dimension dimension : named) {
                String idField = switch (dimension) {
                    case CAMPAIGN -> "campaignId";
                    case ASSET -> "assetId";
                    default -> "playerId";
                };
                s.aggregations("names_" + dimension, a -> a.terms(t -> t.field(idField).size(MAX_LOOKUP))
                        .aggregations("name", n -> n.terms(t -> t.field(ReportGroups.nameField(dimension)).size(1))));
            }
            return s;
        }, Void.class));
        Map<String, ZoneId> players = null;
        var playerTerms = response.aggregations().get("players").sterms();
        if (playerTerms.sumOtherDocCount() == 0) {
            players = new HashMap<>();
            for (StringTermsBucket bucket : playerTerms.buckets().array()) {
                List<StringTermsBucket> zone = bucket.aggregations().get("zone").sterms().buckets().array();
                players.put(bucket.key().stringValue(), zone.isEmpty() ? ZoneOffset.UTC
                        : ZoneId.of(zone.getFirst().key().stringValue()));
            }
        }
        Map<Dimension, Map<String, String>> names = new HashMap<>();
        for (Dimension dimension : named) {
            var terms = response.aggregations().get("names_" + dimension).sterms();
            if (terms.sumOtherDocCount() == 0) {
                Map<String, String> byId = new HashMap<>();
                for (StringTermsBucket bucket : terms.buckets().array()) {
                    List<StringTermsBucket> name = bucket.aggregations().get("name").sterms().buckets().array();
                    byId.put(bucket.key().stringValue(), name.isEmpty() ? null : name.getFirst().key().stringValue());
                }
                names.put(dimension, byId);
            }
        }
        return new Lookups(players, names);
    }

    /** The open periods of every player with plays in the report's range. */
    private List<OpenPeriod> openPeriods(Query query, TimeRange.Interval range, Lookups lookups,
                                         Map<String, ZoneId> zones) {
        if (lookups.players() != null) {
            zones.putAll(lookups.players());
            return lookups.players().isEmpty() ? List.of() : queries.query(new FindOpenPeriodsQuery(
                    List.copyOf(lookups.players().keySet()), range.from(), range.to()),
                    ResponseTypes.multipleInstancesOf(OpenPeriod.class)).join();
        }
        List<String> players = new ArrayList<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> response = call(() -> client.search(s -> s.index(PLAYS).size(0).query(query)
                    .aggregations("players", a -> a.composite(c -> {
                        c.size(PAGE).sources(List.of(
                                NamedValue.of("player", CompositeAggregationSource.of(src -> src.terms(t -> t
                                        .field("playerId")))),
                                NamedValue.of("zone", CompositeAggregationSource.of(src -> src.terms(t -> t
                                        .field("timeZone"))))));
                        if (from != null) {
                            c.after(from);
                        }
                        return c;
                    })), Void.class));
            CompositeAggregate composite = response.aggregations().get("players").composite();
            composite.buckets().array().forEach(bucket -> {
                String player = bucket.key().get("player").stringValue();
                players.add(player);
                zones.put(player, ZoneId.of(bucket.key().get("zone").stringValue()));
            });
            after = composite.buckets().array().size() < PAGE ? null : composite.afterKey();
        } while (after != null);
        if (players.isEmpty()) {
            return List.of();
        }
        return queries.query(new FindOpenPeriodsQuery(players.stream().distinct().toList(), range.from(), range.to()),
                ResponseTypes.multipleInstancesOf(OpenPeriod.class)).join();
    }

    /** Totals, plays by day (in the players' local days or UTC days, as the report groups) and by outcome. */
    public ReportSummary summary(ReportSpec spec, TimeRange.Interval range) {
        if (!exists()) {
            return new ReportSummary(0, 0, 0, 0, List.of(), Map.of());
        }
        boolean local = spec.timeBasis() == TimeBasis.PLAYER_LOCAL;
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(PLAYS).size(0)
                .trackTotalHits(t -> t.enabled(true)).query(PlayFilter.of(spec.filters(), range))
                .aggregations(Counts.aggregations(false))
                .aggregations("days", a -> (local ? a.terms(t -> t.field("localDate").size(500)
                        .order(List.of(NamedValue.of("_key", SortOrder.Asc))))
                        : a.dateHistogram(h -> h.field("startedAt").calendarInterval(CalendarInterval.Day)
                        .timeZone("UTC").minDocCount(1)))
                        .aggregations("completed", c -> c.filter(f -> f.term(t -> t.field("outcome")
                                .value("COMPLETED"))))), Void.class));
        Counts totals = Counts.of(response.hits().total().value(), response.aggregations());
        List<ReportSummary.Day> days = new ArrayList<>();
        Aggregate byDay = response.aggregations().get("days");
        if (local) {
            byDay.sterms().buckets().array().forEach(bucket -> days.add(new ReportSummary.Day(
                    bucket.key().stringValue(), bucket.docCount(),
                    bucket.aggregations().get("completed").filter().docCount())));
        } else {
            byDay.dateHistogram().buckets().array().forEach(bucket -> days.add(new ReportSummary.Day(
                    Instant.ofEpochMilli(bucket.key()).atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    bucket.docCount(), bucket.aggregations().get("completed").filter().docCount())));
        }
        Map<String, Long> outcomes = new LinkedHashMap<>();
        response.aggregations().get("outcomes").sterms().buckets().array()
                .forEach(bucket -> outcomes.put(bucket.key().stringValue(), bucket.docCount()));
        return new ReportSummary(totals.plays(), totals.completed(), totals.playedMs(), totals.impressions(), days,
                outcomes);
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached", e);
        }
    }
}
