package io.playmark.query.play;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

import java.util.LinkedHashMap;
import java.util.Map;

/** What was delivered in a period: plays by outcome, time played and audience. */
public record DeliveryCounts(long plays, long completed, long interrupted, long failed, long skipped, long playedMs,
                      long impressions) {

    static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0, 0, 0);

    /** Completed plays as a share of all plays, 0 to 1; 0 without plays. */
    public double completionRate() {
        return plays == 0 ? 0 : (double) completed / plays;
    }

    /** The sub-aggregations {@link #of} reads, to put beside a bucket's count. */
    static Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put("outcomes", Aggregation.of(a -> a.terms(t -> t.field("outcome").size(4))));
        aggregations.put("playedMs", Aggregation.of(a -> a.sum(s -> s.field("durationMs"))));
        aggregations.put("impressions", Aggregation.of(a -> a.sum(s -> s.field("impressions"))));
        return aggregations;
    }

    static DeliveryCounts of(long plays, Map<String, Aggregate> aggregations) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (StringTermsBucket bucket : aggregations.get("outcomes").sterms().buckets().array()) {
            outcomes.put(bucket.key().stringValue(), bucket.docCount());
        }
        return new DeliveryCounts(plays, outcomes.getOrDefault("COMPLETED", 0L),
                outcomes.getOrDefault("INTERRUPTED", 0L), outcomes.getOrDefault("FAILED", 0L),
                outcomes.getOrDefault("SKIPPED", 0L), Math.round(aggregations.get("playedMs").sum().value()),
                Math.round(aggregations.get("impressions").sum().value()));
    }

    static DeliveryCounts of(PlayRollups.Rollup rollup) {
        return new DeliveryCounts(rollup.plays(), rollup.completed(), rollup.interrupted(), rollup.failed(),
                rollup.skipped(), rollup.playedMs(), rollup.impressions());
    }
}
