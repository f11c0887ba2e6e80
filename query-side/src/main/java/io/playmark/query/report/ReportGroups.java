package io.playmark.query.report;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.util.NamedValue;
import io.playmark.kernel.report.Dimension;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.TimeBasis;
import io.playmark.kernel.report.TimeGrouping;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a report's dimensions become composite-aggregation sources and a bucket's key becomes cells. In each player's
 * local time, hours and days come from the plays' {@code localDate} and {@code localHour}; local weeks and months
 * are added up from local days, which is why the time source then goes first (a period's days arrive together).
 */
final class ReportGroups {

    private final ReportSpec spec;

    ReportGroups(ReportSpec spec) {
        this.spec = spec;
    }

    /**
     * The key of a group and what the open-period marks need of it: the window its plays started in, as instants
     * or (in local time) as the players' wall-clock times.
     */
    record Key(List<Object> cells, String playerId, String campaignId, Instant from, Instant to,
               LocalDateTime localFrom, LocalDateTime localTo) {
    }

    boolean local() {
        return spec.timeBasis() == TimeBasis.PLAYER_LOCAL && spec.dimensions().contains(Dimension.TIME);
    }

    /** Local weeks and months are added up from days, in the order the composite answers them. */
    boolean merged() {
        return local() && (spec.timeGrouping() == TimeGrouping.WEEK || spec.timeGrouping() == TimeGrouping.MONTH);
    }

    List<ReportColumn> columns() {
        List<ReportColumn> columns = new ArrayList<>();
        for (Dimension dimension : spec.dimensions()) {
            switch (dimension) {
                case CAMPAIGN -> columns.addAll(text("campaignId", "campaign"));
                case ASSET -> columns.addAll(text("assetId", "asset"));
                case PLAYER -> columns.addAll(text("playerId", "player"));
                case ADVERTISER -> columns.addAll(text("advertiser"));
                case PLAYER_GROUP -> columns.addAll(text("groupId"));
                case PLAYER_TAG -> columns.addAll(text("tag"));
                case LOCATION -> columns.addAll(text("location"));
                case OUTCOME -> columns.addAll(text("outcome"));
                case ERROR -> columns.addAll(text("error"));
                case TIME -> columns.addAll(text(local() ? "localPeriod" : "period"));
            }
        }
        return columns;
    }

    private static List<ReportColumn> text(String... names) {
        return java.util.Arrays.stream(names).map(name -> new ReportColumn(name, ReportColumn.Kind.TEXT)).toList();
    }

    /** The composite sources, named as the dimensions (and "localHour" beside a local hour's date). */
    List<NamedValue<CompositeAggregationSource>> sources() {
        List<NamedValue<CompositeAggregationSource>> sources = new ArrayList<>();
        if (merged()) {
            sources.add(NamedValue.of("TIME", terms("localDate")));
        }
        for (Dimension dimension : spec.dimensions()) {
            if (dimension == Dimension.TIME) {
                if (!merged()) {
                    sources.addAll(time());
                }
                continue;
            }
            sources.add(NamedValue.of(dimension.name(), switch (dimension) {
                case CAMPAIGN -> terms("campaignId");
                case ASSET -> terms("assetId");
                case PLAYER -> terms("playerId");
                case ADVERTISER -> terms("advertiser");
                case PLAYER_GROUP -> terms("playerGroups");
                case PLAYER_TAG -> terms("playerTags");
                case LOCATION -> CompositeAggregationSource.of(s -> s.geotileGrid(g -> g.field("location")
                        .precision(8).missingBucket(true)));
                case OUTCOME -> terms("outcome");
                case ERROR -> terms("error");
                case TIME -> throw new IllegalStateException("handled above");
            }));
        }
        return sources;
    }

    private List<NamedValue<CompositeAggregationSource>> time() {
        if (local()) {
            List<NamedValue<CompositeAggregationSource>> local = new ArrayList<>();
            local.add(NamedValue.of("TIME", terms("localDate")));
            if (spec.timeGrouping() == TimeGrouping.HOUR) {
                local.add(NamedValue.of("localHour", CompositeAggregationSource.of(s -> s.terms(t -> t.field("localHour")))));
            }
            return local;
        }
        String interval = switch (spec.timeGrouping()) {
            case HOUR -> "1h";
            case DAY -> "1d";
            case WEEK -> "1w";
            case MONTH -> "1M";
        };
        return List.of(NamedValue.of("TIME", CompositeAggregationSource.of(s -> s.dateHistogram(d -> d.field("startedAt")
                .calendarInterval(t -> t.time(interval)).timeZone("UTC")))));
    }

    private static CompositeAggregationSource terms(String field) {
        return CompositeAggregationSource.of(s -> s.terms(t -> t.field(field).missingBucket(true)));
    }

    /** Name fields read beside an id: the name the plays carry. */
    static String nameField(Dimension dimension) {
        return switch (dimension) {
            case CAMPAIGN -> "campaignName";
            case ASSET -> "assetName";
            case PLAYER -> "playerName";
            default -> null;
        };
    }

    /** A bucket's key as cells (names from {@code names}), and the window its plays started in. */
    Key key(Map<String, FieldValue> key, Map<Dimension, String> names, Instant rangeFrom, Instant rangeTo) {
        List<Object> cells = new ArrayList<>();
        Instant from = rangeFrom;
        Instant to = rangeTo;
        LocalDateTime[] local = new LocalDateTime[2];
        for (Dimension dimension : spec.dimensions()) {
            FieldValue value = key.get(dimension.name());
            String text = value == null || value.isNull() ? null : value.isString() ? value.stringValue()
                    : String.valueOf(value._get());
            if (dimension == Dimension.TIME) {
                Instant[] window = new Instant[2];
                cells.add(period(value, key.get("localHour"), window, local));
                if (window[0] != null) {
                    from = window[0].isAfter(rangeFrom) ? window[0] : rangeFrom;
                    to = window[1].isBefore(rangeTo) ? window[1] : rangeTo;
                }
                continue;
            }
            cells.add(text);
            if (nameField(dimension) != null) {
                cells.add(names.get(dimension));
            }
        }
        return new Key(cells, cell(key, Dimension.PLAYER), cell(key, Dimension.CAMPAIGN), from, to, local[0],
                local[1]);
    }

    private static String cell(Map<String, FieldValue> key, Dimension dimension) {
        FieldValue value = key.get(dimension.name());
        return value == null || value.isNull() ? null : value.stringValue();
    }

    private String period(FieldValue value, FieldValue localHour, Instant[] window, LocalDateTime[] local) {
        if (!local()) {
            Instant start = Instant.ofEpochMilli(value.longValue());
            var utc = start.atOffset(ZoneOffset.UTC);
            window[0] = start;
            return switch (spec.timeGrouping()) {
                case HOUR -> {
                    window[1] = start.plus(Duration.ofHours(1));
                    yield utc.toString();
                }
                case DAY -> {
                    window[1] = start.plus(Duration.ofDays(1));
                    yield utc.toLocalDate().toString();
                }
                case WEEK -> {
                    window[1] = start.plus(Duration.ofDays(7));
                    yield utc.toLocalDate().toString();
                }
                case MONTH -> {
                    window[1] = utc.plusMonths(1).toInstant();
                    yield utc.toLocalDate().toString().substring(0, 7);
                }
            };
        }
        LocalDate date = LocalDate.parse(value.stringValue());
        return switch (spec.timeGrouping()) {
            case HOUR -> {
                int hour = (int) localHour.longValue();
                local[0] = date.atTime(hour, 0);
                local[1] = local[0].plusHours(1);
                yield date + "T" + (hour < 10 ? "0" : "") + hour;
            }
            case DAY -> {
                localWindow(local, date, date.plusDays(1));
                yield date.toString();
            }
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                localWindow(local, monday, monday.plusWeeks(1));
                yield monday.toString();
            }
            case MONTH -> {
                LocalDate first = date.withDayOfMonth(1);
                localWindow(local, first, first.plusMonths(1));
                yield first.toString().substring(0, 7);
            }
        };
    }

    private static void localWindow(LocalDateTime[] local, LocalDate from, LocalDate to) {
        local[0] = from.atStartOfDay();
        local[1] = to.atStartOfDay();
    }
}
