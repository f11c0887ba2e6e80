package io.playmark.command.report;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.report.ChangeReportCommand;
import io.playmark.kernel.report.DefineReportCommand;
import io.playmark.kernel.report.DeleteReportCommand;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.kernel.report.PauseReportScheduleCommand;
import io.playmark.kernel.report.ReportChangedEvent;
import io.playmark.kernel.report.ReportDefinedEvent;
import io.playmark.kernel.report.ReportDeletedEvent;
import io.playmark.kernel.report.ReportFilters;
import io.playmark.kernel.report.ReportId;
import io.playmark.kernel.report.ReportName;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.ReportSchedulePausedEvent;
import io.playmark.kernel.report.ReportScheduleResumedEvent;
import io.playmark.kernel.report.ReportScheduledEvent;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ReportType;
import io.playmark.kernel.report.ResumeReportScheduleCommand;
import io.playmark.kernel.report.ScheduleReportCommand;
import io.playmark.kernel.report.TimeRange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

class ReportDefinitionTest {

    private static final ReportId ID = new ReportId("0b7c5d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
    private static final ReportSpec PROOF = ReportSpec.preset(ReportType.CAMPAIGN_PROOF_OF_PLAY, TimeRange.lastDays(7),
            ReportFilters.NONE, List.of(OutputFormat.CSV, OutputFormat.PDF));
    private static final ReportSpec USAGE = ReportSpec.preset(ReportType.ASSET_USAGE, TimeRange.lastDays(30),
            ReportFilters.NONE, List.of(OutputFormat.XLSX));
    private static final ReportSchedule DAILY = new ReportSchedule(ReportSchedule.Frequency.DAILY, LocalTime.of(6, 0),
            "Europe/Berlin", null, null, List.of("ops@example.com"), null, null);
    private static final ReportDefinedEvent DEFINED = new ReportDefinedEvent(ID.value(), "Proof of play", PROOF);

    private FixtureConfiguration<ReportDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportDefinition.class);
    }

    @Test
    void defining_a_report_records_its_name_and_spec() {
        fixture.givenNoPriorActivity()
                .when(new DefineReportCommand(ID, new ReportName(" Proof of play "), PROOF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DEFINED);
    }

    @Test
    void changing_a_report_records_the_new_spec_and_the_same_change_again_records_nothing() {
        fixture.given(DEFINED)
                .when(new ChangeReportCommand(ID, new ReportName("Asset usage"), USAGE))
                .expectEvents(new ReportChangedEvent(ID.value(), "Asset usage", USAGE));
        fixture.given(DEFINED, new ReportChangedEvent(ID.value(), "Asset usage", USAGE))
                .when(new ChangeReportCommand(ID, new ReportName("Asset usage"), USAGE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void scheduling_records_the_schedule_once() {
        fixture.given(DEFINED)
                .when(new ScheduleReportCommand(ID, DAILY))
                .expectEvents(new ReportScheduledEvent(ID.value(), DAILY));
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY))
                .when(new ScheduleReportCommand(ID, DAILY))
                .expectNoEvents();
    }

    @Test
    void scheduling_a_paused_report_again_resumes_it() {
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY), new ReportSchedulePausedEvent(ID.value()))
                .when(new ScheduleReportCommand(ID, DAILY))
                .expectEvents(new ReportScheduledEvent(ID.value(), DAILY));
    }

    @Test
    void pausing_and_resuming_a_schedule_each_record_once() {
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY))
                .when(new PauseReportScheduleCommand(ID))
                .expectEvents(new ReportSchedulePausedEvent(ID.value()));
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY), new ReportSchedulePausedEvent(ID.value()))
                .when(new PauseReportScheduleCommand(ID))
                .expectNoEvents();
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY), new ReportSchedulePausedEvent(ID.value()))
                .when(new ResumeReportScheduleCommand(ID))
                .expectEvents(new ReportScheduleResumedEvent(ID.value()));
        fixture.given(DEFINED, new ReportScheduledEvent(ID.value(), DAILY))
                .when(new ResumeReportScheduleCommand(ID))
                .expectNoEvents();
    }

    @Test
    void a_report_without_a_schedule_has_none_to_pause() {
        fixture.given(DEFINED)
                .when(new PauseReportScheduleCommand(ID))
                .expectException(ConflictException.class);
    }

    @Test
    void deleting_records_once_and_a_deleted_report_takes_no_changes() {
        fixture.given(DEFINED)
                .when(new DeleteReportCommand(ID))
                .expectEvents(new ReportDeletedEvent(ID.value()));
        fixture.given(DEFINED, new ReportDeletedEvent(ID.value()))
                .when(new DeleteReportCommand(ID))
                .expectNoEvents();
        fixture.given(DEFINED, new ReportDeletedEvent(ID.value()))
                .when(new ChangeReportCommand(ID, new ReportName("Again"), USAGE))
                .expectException(NotFoundException.class);
        fixture.given(DEFINED, new ReportDeletedEvent(ID.value()))
                .when(new ScheduleReportCommand(ID, DAILY))
                .expectException(NotFoundException.class);
    }
}
