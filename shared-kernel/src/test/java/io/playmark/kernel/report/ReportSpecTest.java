package io.playmark.kernel.report;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportSpecTest {

    private static final List<OutputFormat> CSV = List.of(OutputFormat.CSV);

    @Test
    void every_ready_made_type_but_custom_is_a_valid_spec() {
        for (ReportType type : ReportType.values()) {
            if (type != ReportType.CUSTOM) {
                assertThat(ReportSpec.preset(type, TimeRange.lastDays(7), null, CSV).type()).isEqualTo(type);
            }
        }
    }

    @Test
    void a_spec_refuses_what_cannot_be_counted() {
        TimeRange week = TimeRange.lastDays(7);
        assertThatThrownBy(() -> new ReportSpec(null, List.of(), List.of(Dimension.CAMPAIGN), null, null, week, null,
                null, null, false, null, CSV)).isInstanceOf(InvalidValueException.class).hasMessageContaining("metric");
        assertThatThrownBy(() -> new ReportSpec(null, List.of(Metric.PLAYS), List.of(Dimension.TIME), null, null, week,
                null, null, null, false, null, CSV)).hasMessageContaining("time grouping");
        assertThatThrownBy(() -> new ReportSpec(null, List.of(Metric.SHARE_OF_GOAL), List.of(Dimension.ASSET), null,
                null, week, null, null, null, false, null, CSV)).hasMessageContaining("CAMPAIGN");
        assertThatThrownBy(() -> new ReportSpec(null, List.of(Metric.PLAYS), List.of(), null, null, week, null, null,
                Metric.FAILED, false, null, CSV)).hasMessageContaining("sorts by one of its metrics");
        assertThatThrownBy(() -> new ReportSpec(null, List.of(Metric.PLAYS), List.of(), null, null, week, null, null,
                null, false, 0, CSV)).hasMessageContaining("top");
        assertThatThrownBy(() -> new ReportSpec(null, List.of(Metric.PLAYS), List.of(), null, null, week, null, null,
                null, false, null, List.of())).hasMessageContaining("format");
        assertThatThrownBy(() -> TimeRange.absolute(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void relative_ranges_cover_the_period_just_closed_in_the_zone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // a Wednesday, 05:30 in Berlin
        Instant now = Instant.parse("2026-03-04T04:30:00Z");
        assertThat(TimeRange.previous(TimeRange.Kind.PREVIOUS_DAY).resolve(now, berlin)).isEqualTo(
                new TimeRange.Interval(Instant.parse("2026-03-02T23:00:00Z"), Instant.parse("2026-03-03T23:00:00Z")));
        assertThat(TimeRange.previous(TimeRange.Kind.PREVIOUS_WEEK).resolve(now, berlin)).isEqualTo(
                new TimeRange.Interval(Instant.parse("2026-02-22T23:00:00Z"), Instant.parse("2026-03-01T23:00:00Z")));
        assertThat(TimeRange.previous(TimeRange.Kind.PREVIOUS_MONTH).resolve(now, berlin)).isEqualTo(
                new TimeRange.Interval(Instant.parse("2026-01-31T23:00:00Z"), Instant.parse("2026-02-28T23:00:00Z")));
        assertThat(TimeRange.lastDays(7).resolve(now, berlin).from()).isEqualTo(Instant.parse("2026-02-25T04:30:00Z"));
    }

    @Test
    void a_schedule_is_a_cron_in_its_zone_and_needs_somewhere_to_deliver() {
        assertThat(new ReportSchedule(ReportSchedule.Frequency.WEEKLY, LocalTime.of(6, 30), "Europe/Berlin",
                java.time.DayOfWeek.SUNDAY, null, List.of("a@example.com"), null, null).cron()).isEqualTo("30 6 * * 0");
        assertThat(new ReportSchedule(ReportSchedule.Frequency.MONTHLY, LocalTime.of(7, 0), null, null, 1,
                List.of("a@example.com"), null, null).cron()).isEqualTo("0 7 1 * *");
        assertThatThrownBy(() -> new ReportSchedule(ReportSchedule.Frequency.DAILY, LocalTime.NOON, null, null, null,
                List.of(), null, null)).hasMessageContaining("e-mail, webhook");
        assertThatThrownBy(() -> new ReportSchedule(ReportSchedule.Frequency.DAILY, LocalTime.NOON, null, null, null,
                List.of(), java.net.URI.create("https://example.com/hook"), "short"))
                .hasMessageContaining("secret");
    }
}
