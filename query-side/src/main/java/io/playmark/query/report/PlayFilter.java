package io.playmark.query.report;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.report.ReportFilters;
import io.playmark.kernel.report.TimeRange;

import java.util.List;

/** A report's filters as an Elasticsearch query over the plays index (docs/analytics.md has its fields). */
final class PlayFilter {

    private PlayFilter() {
    }

    static Query of(ReportFilters filters, TimeRange.Interval range) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.date(d -> d.field("startedAt").gte(range.from().toString())
                .lt(range.to().toString()))));
        terms(bool, "campaignId", filters.campaigns());
        terms(bool, "advertiser", filters.advertisers());
        terms(bool, "playerId", filters.players());
        terms(bool, "playerGroups", filters.groups());
        terms(bool, "playerTags", filters.tags());
        terms(bool, "outcome", filters.outcomes().stream().map(Outcome::name).toList());
        return Query.of(q -> q.bool(bool.build()));
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
        }
    }
}
