package io.playmark.kernel.report;

import io.playmark.kernel.Ids;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.Outcome;

import java.util.List;

/** Which plays a report counts; an empty list does not filter. Ids are UUIDs; at most 1,000 values per filter. */
public record ReportFilters(List<String> campaigns, List<String> advertisers, List<String> players,
                            List<String> groups, List<String> tags, List<Outcome> outcomes) {

    public static final ReportFilters NONE = new ReportFilters(null, null, null, null, null, null);
    private static final int MAX_VALUES = 1_000;

    public ReportFilters {
        campaigns = ids("campaigns", campaigns);
        advertisers = values("advertisers", advertisers);
        players = ids("players", players);
        groups = ids("groups", groups);
        tags = values("tags", tags);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    private static List<String> ids(String field, List<String> ids) {
        List<String> checked = values(field, ids);
        checked.forEach(id -> Ids.requireUuid(field, field + " entry", id));
        return checked;
    }

    private static List<String> values(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidValueException(field, field + " may name at most " + MAX_VALUES + " values, named "
                    + values.size());
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw new InvalidValueException(field, field + " must not contain blank values");
        }
        return values.stream().map(String::strip).distinct().toList();
    }
}
