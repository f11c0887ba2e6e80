package io.playmark.query.campaign;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.query.rebuild.Rebuilds;
import io.playmark.query.search.VersionedIndex;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Elasticsearch index analysts and search read campaigns from, through the alias {@value #ALIAS}. An index made
 * before campaigns had a lifecycle gains the newer fields by Elasticsearch's dynamic mapping (status and tier then
 * as text with a keyword sub-field).
 */
@Component
public class CampaignSearchIndex {

    public static final String ALIAS = "campaigns";
    static final String INDEX = "campaigns-v1";
    private static final int MAX_BOOKED = 10_000;

    private final VersionedIndex<CampaignSearchDocument> index;

    public CampaignSearchIndex(ElasticsearchClient client, Rebuilds rebuilds) {
        this.index = new VersionedIndex<>(client, ALIAS, INDEX, CampaignSearchDocument.class, m -> m
                .properties("id", p -> p.keyword(k -> k))
                .properties("name", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                .properties("advertiser", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                .properties("category", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k))))
                .properties("status", p -> p.keyword(k -> k))
                .properties("tier", p -> p.keyword(k -> k))
                .properties("flightStart", p -> p.date(d -> d))
                .properties("flightEnd", p -> p.date(d -> d))
                .properties("createdAt", p -> p.date(d -> d))
                .properties("updatedAt", p -> p.date(d -> d))
                .properties("version", p -> p.long_(l -> l)))
                .rebuiltBy(rebuilds, CampaignSearchProjection.PROCESSING_GROUP);
    }

    /** Creates the index and its alias when they are missing; safe to call on every start. */
    public void ensureExists() {
        index.ensureExists();
    }

    /** A replay builds the next version of the index, which replaces the live one once it has caught up. */
    void beginRebuild() {
        index.beginRebuild();
    }

    /** Writes a campaign at the aggregate version of the event it reflects (see {@link VersionedIndex#write}). */
    void put(CampaignSearchDocument document, long version, TrackingToken token) {
        index.write(document.id(), document, version, token);
    }

    Optional<CampaignSearchDocument> current(String id, TrackingToken token) {
        return index.current(id, token);
    }

    /**
     * The ids of campaigns booked, active or paused whose flight overlaps [from, to): what capacity planning counts.
     * At most {@value #MAX_BOOKED}, the most a search answers at once.
     */
    List<String> bookedBetween(Instant from, Instant to) {
        List<FieldValue> booked = Stream.of(CampaignStatus.values()).filter(CampaignStatus::isBooked)
                .map(status -> FieldValue.of(status.name())).toList();
        return VersionedIndex.call(() -> index.client().search(s -> s.index(ALIAS).size(MAX_BOOKED)
                        .source(src -> src.fetch(false))
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(booked))))
                                .filter(f -> f.range(r -> r.date(d -> d.field("flightStart").lt(to.toString()))))
                                .filter(f -> f.range(r -> r.date(d -> d.field("flightEnd").gt(from.toString())))))),
                CampaignSearchDocument.class).hits().hits().stream().map(Hit::id).toList());
    }

    List<CampaignSearchDocument> search(String text, int size) {
        return VersionedIndex.call(() -> index.client().search(s -> s.index(ALIAS).size(size)
                        .query(q -> q.multiMatch(m -> m.query(text).fields("name^2", "advertiser", "category")
                                // every word must match somewhere: more words narrow the result
                                .type(TextQueryType.CrossFields).operator(Operator.And))),
                CampaignSearchDocument.class).hits().hits().stream().map(Hit::source).toList());
    }
}
