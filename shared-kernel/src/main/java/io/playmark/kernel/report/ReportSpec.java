package io.playmark.kernel.report;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.player.TimeZones;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

import static io.playmark.kernel.report.Dimension.ADVERTISER;
import static io.playmark.kernel.report.Dimension.ASSET;
import static io.playmark.kernel.report.Dimension.CAMPAIGN;
import static io.playmark.kernel.report.Dimension.ERROR;
import static io.playmark.kernel.report.Dimension.PLAYER;
import static io.playmark.kernel.report.Dimension.TIME;
import static io.playmark.kernel.report.Metric.ACTIVE_HOURS;
import static io.playmark.kernel.report.Metric.COMPLETED;
import static io.playmark.kernel.report.Metric.COMPLETION_RATE;
import static io.playmark.kernel.report.Metric.FAILED;
import static io.playmark.kernel.report.Metric.IMPRESSIONS;
import static io.playmark.kernel.report.Metric.INTERRUPTED;
import static io.playmark.kernel.report.Metric.PLAYED_TIME;
import static io.playmark.kernel.report.Metric.PLAYS;
import static io.playmark.kernel.report.Metric.SHARE_OF_GOAL;

/**
 * What a report counts: its metrics per group of plays, the dimensions that make the groups (in order), the periods
 * of the TIME dimension and whose clock they follow, the plays it covers, the order of its rows (by a metric) and how
 * many it keeps, and the files it makes. {@code zone} is the zone relative ranges ("previous day") are taken in,
 * and the UTC basis's time zone stays UTC. A raw play log has no metrics or dimensions: one row per play.
 */
public record ReportSpec(ReportType type, List<Metric> metrics, List<Dimension> dimensions, TimeGrouping timeGrouping,
                         TimeBasis timeBasis, TimeRange range, String zone, ReportFilters filters, Metric sortBy,
                         boolean descending, Integer top, List<OutputFormat> formats) {

    public static final int MAX_TOP = 100_000;

    public ReportSpec {
        type = type == null ? ReportType.CUSTOM : type;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        timeBasis = timeBasis == null ? TimeBasis.UTC : timeBasis;
        filters = filters == null ? ReportFilters.NONE : filters;
        zone = TimeZones.of("zone", zone == null ? "UTC" : zone).getId();
        if (range == null) {
            throw new InvalidValueException("range", "a report needs a time range");
        }
        if (formats == null || formats.isEmpty()) {
            throw new InvalidValueException("formats", "a report needs at least one output format");
        }
        formats = List.copyOf(new java.util.LinkedHashSet<>(formats));
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new InvalidValueException("dimensions", "a dimension may appear once, was " + dimensions);
        }
        if (new HashSet<>(metrics).size() != metrics.size()) {
            throw new InvalidValueException("metrics", "a metric may appear once, was " + metrics);
        }
        if (type == ReportType.RAW_PLAY_LOG) {
            if (!metrics.isEmpty() || !dimensions.isEmpty() || sortBy != null || top != null) {
                throw new InvalidValueException("type", "a raw play log lists plays as they are: no metrics, "
                        + "dimensions, sort or top");
            }
        } else if (metrics.isEmpty()) {
            throw new InvalidValueException("metrics", "a report needs at least one metric");
        }
        if (dimensions.contains(TIME) != (timeGrouping != null)) {
            throw new InvalidValueException("timeGrouping", "the TIME dimension and a time grouping go together");
        }
        if (metrics.contains(SHARE_OF_GOAL) && !dimensions.contains(CAMPAIGN)) {
            throw new InvalidValueException("metrics", "share of goal is per campaign: add the CAMPAIGN dimension");
        }
        if (sortBy != null && !metrics.contains(sortBy)) {
            throw new InvalidValueException("sortBy", "a report sorts by one of its metrics, " + sortBy
                    + " is not among " + metrics);
        }
        if (top != null && (top < 1 || top > MAX_TOP)) {
            throw new InvalidValueException("top", "top must be 1 to " + MAX_TOP + ", was " + top);
        }
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** A ready-made report of that type, over {@code range}, made as {@code formats}. */
    public static ReportSpec preset(ReportType type, TimeRange range, ReportFilters filters,
                                    List<OutputFormat> formats) {
        List<Metric> counts = List.of(PLAYS, COMPLETED, COMPLETION_RATE, INTERRUPTED, FAILED, PLAYED_TIME, IMPRESSIONS);
        return switch (type) {
            case CAMPAIGN_PROOF_OF_PLAY -> new ReportSpec(type, counts, List.of(CAMPAIGN, TIME), TimeGrouping.DAY,
                    TimeBasis.PLAYER_LOCAL, range, null, filters, null, false, null, formats);
            case DELIVERY_AGAINST_GOAL -> new ReportSpec(type, List.of(PLAYS, IMPRESSIONS, SHARE_OF_GOAL),
                    List.of(CAMPAIGN, ADVERTISER), null, null, range, null, filters, SHARE_OF_GOAL, true, null,
                    formats);
            case PLAYER_UPTIME -> new ReportSpec(type, List.of(PLAYS, ACTIVE_HOURS, PLAYED_TIME), List.of(PLAYER, TIME),
                    TimeGrouping.DAY, TimeBasis.UTC, range, null, filters, null, false, null, formats);
            case ASSET_USAGE -> new ReportSpec(type, List.of(PLAYS, COMPLETED, PLAYED_TIME, IMPRESSIONS),
                    List.of(ASSET), null, null, range, null, filters, PLAYS, true, null, formats);
            case FAILURES_BY_ERROR -> new ReportSpec(type, List.of(PLAYS), List.of(ERROR, ASSET), null, null, range,
                    null, failedOnly(filters), PLAYS, true, null, formats);
            case RAW_PLAY_LOG -> new ReportSpec(type, null, null, null, null, range, null, filters, null, false, null,
                    formats);
            case CUSTOM -> throw new InvalidValueException("type", "a custom report names its own metrics and "
                    + "dimensions");
        };
    }

    private static ReportFilters failedOnly(ReportFilters filters) {
        ReportFilters base = filters == null ? ReportFilters.NONE : filters;
        return new ReportFilters(base.campaigns(), base.advertisers(), base.players(), base.groups(), base.tags(),
                List.of(Outcome.FAILED));
    }
}
