package io.playmark.query.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.playmark.kernel.InvalidValueException;
import io.playmark.query.search.VersionedIndex;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Elasticsearch index of every event's audit metadata, read through the alias {@value #ALIAS}. A document's id is
 * its event's identifier and its version the event's global position, so replays and redeliveries rewrite nothing.
 * Searches come in the store's global order, paged by {@code search_after} on the global position.
 */
@Component
public class AuditSearchIndex {

    public static final String ALIAS = "audit-events";
    static final String INDEX = "audit-events-v1";
    static final int MAX_PAGE = 500;
    private static final String CURSOR_PREFIX = "audit:";

    private final VersionedIndex<AuditSearchDocument> index;

    public AuditSearchIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex<>(client, ALIAS, INDEX, AuditSearchDocument.class, m -> m
                .properties("eventId", p -> p.keyword(k -> k))
                .properties("eventType", p -> p.keyword(k -> k))
                .properties("fields", p -> p.keyword(k -> k))
                .properties("timestamp", p -> p.date(d -> d))
                .properties("aggregateType", p -> p.keyword(k -> k))
                .properties("aggregateId", p -> p.keyword(k -> k))
                .properties("sequenceNumber", p -> p.long_(l -> l))
                .properties("globalPosition", p -> p.long_(l -> l))
                .properties("principal", p -> p.keyword(k -> k))
                .properties("authentication", p -> p.keyword(k -> k))
                .properties("apiKeyId", p -> p.keyword(k -> k))
                .properties("tokenSubject", p -> p.keyword(k -> k))
                .properties("clientAddress", p -> p.keyword(k -> k))
                .properties("correlationId", p -> p.keyword(k -> k)));
    }

    void ensureExists() {
        index.ensureExists();
    }

    void recreate() {
        index.recreate();
    }

    /** Writes a batch's documents in one bulk request; ones already there (a replay, a redelivery) stay as they are. */
    void putAll(List<AuditSearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkResponse response = VersionedIndex.call(() -> index.client().bulk(b -> {
            for (AuditSearchDocument document : documents) {
                b.operations(o -> o.index(i -> i.index(ALIAS).id(document.eventId()).document(document)
                        .versionType(VersionType.External).version(document.globalPosition())));
            }
            return b.refresh(Refresh.False);
        }));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409) {
                    throw new IllegalStateException("Elasticsearch did not index audit event " + item.id() + ": "
                            + item.error().reason());
                }
            }
        }
    }

    /** One page and the cursor after it; the cursor is null on the last page. */
    public record Page(List<AuditSearchDocument> items, List<String> cursors, boolean hasNextPage) {
    }

    public Page search(AuditSearchCriteria criteria, int first, String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidValueException("first", "A page holds 1 to " + MAX_PAGE + " events, not " + first);
        }
        Long afterPosition = after == null || after.isBlank() ? null : position(after);
        List<Hit<AuditSearchDocument>> hits = VersionedIndex.call(() -> index.client().search(s -> {
            s.index(ALIAS).size(first + 1).query(query(criteria))
                    .sort(o -> o.field(f -> f.field("globalPosition").order(SortOrder.Asc)));
            if (afterPosition != null) {
                s.searchAfter(FieldValue.of(afterPosition));
            }
            return s;
        }, AuditSearchDocument.class).hits().hits());
        List<AuditSearchDocument> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Hit<AuditSearchDocument> hit : hits.subList(0, Math.min(first, hits.size()))) {
            items.add(hit.source());
            cursors.add(cursor(hit.source().globalPosition()));
        }
        return new Page(items, cursors, hits.size() > first);
    }

    /**
     * The ids of every aggregate of a type (the event's aggregate type, e.g. {@code Campaign}) with an event at or
     * before the moment, deleted ones too: one composite aggregation, paged by its after key.
     */
    public Set<String> aggregateIds(String aggregateType, Instant atOrBefore) {
        Query events = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("aggregateType").value(aggregateType)))
                .filter(f -> f.range(r -> r.date(d -> d.field("timestamp").lte(atOrBefore.toString()))))));
        Set<String> ids = new TreeSet<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> afterKey = after;
            var answer = VersionedIndex.call(() -> index.client().search(s -> s.index(ALIAS).size(0).query(events)
                    .aggregations("ids", a -> a.composite(c -> {
                        c.size(MAX_PAGE * 2).sources(NamedValue.of("id", CompositeAggregationSource.of(source -> source
                                .terms(t -> t.field("aggregateId")))));
                        return afterKey == null ? c : c.after(afterKey);
                    })), AuditSearchDocument.class).aggregations().get("ids").composite());
            answer.buckets().array().forEach(bucket -> ids.add(bucket.key().get("id").stringValue()));
            after = answer.buckets().array().isEmpty() ? null : answer.afterKey();
        } while (after != null && !after.isEmpty());
        return ids;
    }

    private static Query query(AuditSearchCriteria criteria) {
        return Query.of(q -> q.bool(b -> {
            term(b, "principal", criteria.principal());
            term(b, "eventType", criteria.eventType());
            term(b, "aggregateType", criteria.aggregateType());
            term(b, "aggregateId", criteria.aggregateId());
            if (criteria.from() != null || criteria.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("timestamp");
                    if (criteria.from() != null) {
                        d.gte(criteria.from().toString());
                    }
                    if (criteria.to() != null) {
                        d.lt(criteria.to().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    private static void term(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder bool, String field,
                             String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException unreadable) {
            // answered below
        }
        throw new InvalidValueException("after", "Not a cursor of audit search: " + cursor);
    }
}
