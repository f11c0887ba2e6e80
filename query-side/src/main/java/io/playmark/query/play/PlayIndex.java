package io.playmark.query.play;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.ObjectBuilder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static io.playmark.query.search.VersionedIndex.call;

/**
 * The analysts' index of plays: one index a month by the play's start in UTC ({@code plays-2026.12}), made from the
 * index template {@value #TEMPLATE}, which puts each behind the alias {@value #ALIAS} with one mapping. A month's plays
 * can be dropped by dropping its index. The document id is the play id, and a document is only ever created: a
 * redelivered or replayed event changes nothing.
 * <p>
 * An index is behind the alias from the moment it is made, before its shard is allocated, and a search meeting it
 * then fails. So this month's and next month's indices are made at start and ahead of the month's first play, and a
 * month's index (a backlog into an older month) is made and its shard waited for before the plays are written.
 */
@Component
public class PlayIndex {

    public static final String ALIAS = "plays";
    static final String TEMPLATE = "plays";
    static final String PATTERN = "plays-*";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    /** The monthly indices known to exist with their shard allocated. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    PlayIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** The mapping docs/analytics.md documents. */
    static ObjectBuilder<TypeMapping> mapping(TypeMapping.Builder m) {
        return m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties("playId", p -> p.keyword(k -> k))
                .properties("playerId", p -> p.keyword(k -> k))
                .properties("playerName", p -> p.keyword(k -> k))
                .properties("playerTags", p -> p.keyword(k -> k))
                .properties("playerGroups", p -> p.keyword(k -> k))
                .properties("playerGroupNames", p -> p.keyword(k -> k))
                .properties("timeZone", p -> p.keyword(k -> k))
                .properties("location", p -> p.geoPoint(g -> g))
                .properties("assetId", p -> p.keyword(k -> k))
                .properties("assetName", p -> p.keyword(k -> k))
                .properties("assetType", p -> p.keyword(k -> k))
                .properties("campaignId", p -> p.keyword(k -> k))
                .properties("campaignName", p -> p.keyword(k -> k))
                .properties("advertiser", p -> p.keyword(k -> k))
                .properties("startedAt", p -> p.date(d -> d))
                .properties("endedAt", p -> p.date(d -> d))
                .properties("receivedAt", p -> p.date(d -> d))
                .properties("durationMs", p -> p.long_(l -> l))
                .properties("plannedDurationMs", p -> p.long_(l -> l))
                .properties("outcome", p -> p.keyword(k -> k))
                .properties("error", p -> p.keyword(k -> k.ignoreAbove(500)))
                .properties("impressions", p -> p.long_(l -> l))
                .properties("dwellMs", p -> p.long_(l -> l))
                .properties("localDate", p -> p.keyword(k -> k))
                .properties("localHour", p -> p.integer(i -> i))
                .properties("flags", p -> p.keyword(k -> k));
    }

    /**
     * Puts the template in place (again: the same one), so that every month's index gets it, and adds fields new to
     * the mapping to the months' indices there are.
     */
    void ensureTemplate() {
        TypeMapping mapping = TypeMapping.of(PlayIndex::mapping);
        call(() -> client.indices().putIndexTemplate(t -> t.name(TEMPLATE).indexPatterns(PATTERN)
                .template(template -> template.aliases(ALIAS, a -> a)
                        // one replica on a cluster, none on a single node, so a single node stays green
                        .settings(s -> s.autoExpandReplicas("0-1"))
                        .mappings(mapping))));
        if (!indices().isEmpty()) {
            call(() -> client.indices().putMapping(m -> m.index(PATTERN).properties(mapping.properties())));
        }
        openMonthsAround(Instant.now());
    }

    private void openMonthsAround(Instant now) {
        open(indexOf(now));
        open(indexOf(now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant()));
    }

    /** Makes the index unless it exists, and waits until its primary shard is allocated. */
    private void open(String index) {
        if (ready.contains(index)) {
            return;
        }
        try {
            call(() -> client.indices().create(c -> c.index(index)));
        } catch (ElasticsearchException exists) {
            // made before: at an earlier start, by another instance, or by a write from elsewhere
            if (!"resource_already_exists_exception".equals(exists.error().type())) {
                throw exists;
            }
        }
        boolean allocated = !call(() -> client.cluster().health(h -> h.index(index)
                .waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")))).timedOut();
        if (!allocated) {
            throw new IllegalStateException("The shard of " + index + " was not allocated within 30 s");
        }
        ready.add(index);
    }

    static String indexOf(Instant startedAt) {
        return "plays-" + MONTH.format(startedAt);
    }

    /** Indexes the plays, in one bulk request, each unless its document exists already. */
    void createAll(List<PlayDocument> plays) {
        if (plays.isEmpty()) {
            return;
        }
        openMonthsAround(Instant.now());
        plays.stream().map(play -> indexOf(play.startedAt())).distinct().forEach(this::open);
        BulkResponse response = call(() -> client.bulk(b -> {
            for (PlayDocument play : plays) {
                b.operations(o -> o.create(c -> c.index(indexOf(play.startedAt())).id(play.playId()).document(play)));
            }
            return b.refresh(Refresh.False);
        }));
        if (response.errors()) {
            List<String> failures = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != 409)
                    .map(item -> item.id() + ": " + item.error().reason()).toList();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused " + failures.size() + " of " + plays.size()
                        + " plays, e.g. " + failures.getFirst());
            }
        }
    }

    /** The monthly indices there are, oldest first. */
    List<String> indices() {
        return call(() -> client.indices().get(g -> g.index(PATTERN)).indices().keySet().stream().sorted().toList());
    }

    /** Drops every monthly index (the embedded node has no delete-by-query); the template stays. */
    void dropAll() {
        indices().forEach(this::drop);
    }

    /**
     * The monthly indices all of whose plays started before {@code cutoff} (the month ended by then), oldest first.
     * Indices of other names under the pattern are left out.
     */
    public List<String> monthsEndedBy(Instant cutoff) {
        List<String> ended = new ArrayList<>();
        for (String index : indices()) {
            YearMonth month;
            try {
                month = YearMonth.parse(index.substring(PATTERN.length() - 1), MONTH);
            } catch (DateTimeParseException notMonthly) {
                continue;
            }
            if (!month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                ended.add(index);
            }
        }
        return ended;
    }

    /** Drops the monthly indices whose month ended before {@code cutoff}, oldest first, and answers their names. */
    public List<String> dropBefore(Instant cutoff) {
        List<String> dropped = monthsEndedBy(cutoff);
        dropped.forEach(this::drop);
        return dropped;
    }

    /** One index's segments before and after a merge; {@code merged} is false when it was in one segment already. */
    public record Merge(String index, boolean merged, long segmentsBefore, long segmentsAfter) {
    }

    /** Merges one index into a single segment, unless it is in one (or none) already. */
    public Merge mergeToOneSegment(String index) {
        long before = segments(index);
        if (before <= 1) {
            return new Merge(index, false, before, before);
        }
        call(() -> client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).flush(true)));
        return new Merge(index, true, before, segments(index));
    }

    private long segments(String index) {
        return call(() -> client.indices().stats(s -> s.index(index).metric("segments")))
                .indices().get(index).primaries().segments().count();
    }

    private void drop(String index) {
        ready.remove(index);
        call(() -> client.indices().delete(d -> d.index(index)));
    }

    <T> SearchResponse<T> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request,
                                 Class<T> type) {
        return call(() -> client.search(s -> request.apply(s.index(ALIAS).ignoreUnavailable(true)
                .allowNoIndices(true)), type));
    }
}
