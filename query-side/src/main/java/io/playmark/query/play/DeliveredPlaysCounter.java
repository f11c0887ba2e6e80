package io.playmark.query.play;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.playmark.kernel.play.DeliveredPlays;
import io.playmark.kernel.play.FindDeliveredPlaysQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delivered plays per campaign, for pacing: one terms aggregation over the plays index for all the campaigns asked. */
@Component
class DeliveredPlaysCounter {

    private final PlayIndex index;

    DeliveredPlaysCounter(PlayIndex index) {
        this.index = index;
    }

    @QueryHandler
    DeliveredPlays count(FindDeliveredPlaysQuery query) {
        if (query.campaignIds().isEmpty()) {
            return new DeliveredPlays(Map.of());
        }
        List<FieldValue> ids = query.campaignIds().stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = index.search(s -> s.size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.terms(t -> t.field("campaignId").terms(v -> v.value(ids))))
                        .filter(f -> f.range(r -> r.date(d -> d.field("startedAt").lt(query.until().toString()))))))
                .aggregations("campaigns", a -> a.terms(t -> t.field("campaignId").size(ids.size()))), Void.class);
        Map<String, Long> plays = new HashMap<>();
        if (response.aggregations() != null && response.aggregations().get("campaigns") != null) {
            for (StringTermsBucket bucket : response.aggregations().get("campaigns").sterms().buckets().array()) {
                plays.put(bucket.key().stringValue(), bucket.docCount());
            }
        }
        return new DeliveredPlays(plays);
    }
}
