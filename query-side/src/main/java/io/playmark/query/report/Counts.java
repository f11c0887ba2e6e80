package io.playmark.query.report;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a group of plays adds up to; groups of the same key add up (local weeks and months from days). */
record Counts(long plays, long completed, long interrupted, long failed, long playedMs, long impressions,
              long activeHours) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

    /** The sub-aggregations {@link #of} reads; hours only when asked (a histogram per group). */
    static Map<String, Aggregation> aggregations(boolean hours) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put("outcomes", Aggregation.of(a -> a.terms(t -> t.field("outcome").size(4))));
        aggregations.put("playedMs", Aggregation.of(a -> a.sum(s -> s.field("durationMs"))));
        aggregations.put("impressions", Aggregation.of(a -> a.sum(s -> s.field("impressions"))));
        if (hours) {
            aggregations.put("hours", Aggregation.of(a -> a.dateHistogram(h -> h.field("startedAt")
                    .calendarInterval(CalendarInterval.Hour).minDocCount(1))));
        }
        return aggregations;
    }

    static Counts of(long plays, Map<String, Aggregate> aggregations) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (StringTermsBucket bucket : aggregations.get("outcomes").sterms().buckets().array()) {
            outcomes.put(bucket.key().stringValue(), bucket.docCount());
        }
        Aggregate hours = aggregations.get("hours");
        return new Counts(plays, outcomes.getOrDefault("COMPLETED", 0L), outcomes.getOrDefault("INTERRUPTED", 0L),
                outcomes.getOrDefault("FAILED", 0L), Math.round(aggregations.get("playedMs").sum().value()),
                Math.round(aggregations.get("impressions").sum().value()),
                hours == null ? 0 : hours.dateHistogram().buckets().array().size());
    }

    Counts plus(Counts other) {
        return new Counts(plays + other.plays, completed + other.completed, interrupted + other.interrupted,
                failed + other.failed, playedMs + other.playedMs, impressions + other.impressions,
                activeHours + other.activeHours);
    }

    double completionRate() {
        return plays == 0 ? 0 : Math.round(10_000.0 * completed / plays) / 10_000.0;
    }
}
