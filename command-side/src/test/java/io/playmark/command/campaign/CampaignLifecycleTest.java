package io.playmark.command.campaign;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.ArchiveCampaignCommand;
import io.playmark.kernel.campaign.BookCampaignCommand;
import io.playmark.kernel.campaign.CampaignCapsSetEvent;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignCreativesSetEvent;
import io.playmark.kernel.campaign.CampaignDaypartsSetEvent;
import io.playmark.kernel.campaign.CampaignFlightSetEvent;
import io.playmark.kernel.campaign.CampaignGoalSetEvent;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignName;
import io.playmark.kernel.campaign.CampaignPrioritySetEvent;
import io.playmark.kernel.campaign.CampaignSeparationSetEvent;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CampaignStatusChangedEvent;
import io.playmark.kernel.campaign.CampaignTargetingSetEvent;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.PauseCampaignCommand;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.campaign.RenameCampaignCommand;
import io.playmark.kernel.campaign.ResumeCampaignCommand;
import io.playmark.kernel.campaign.SetCampaignCapsCommand;
import io.playmark.kernel.campaign.SetCampaignCreativesCommand;
import io.playmark.kernel.campaign.SetCampaignDaypartsCommand;
import io.playmark.kernel.campaign.SetCampaignFlightCommand;
import io.playmark.kernel.campaign.SetCampaignGoalCommand;
import io.playmark.kernel.campaign.SetCampaignPriorityCommand;
import io.playmark.kernel.campaign.SetCampaignSeparationCommand;
import io.playmark.kernel.campaign.SetCampaignTargetingCommand;
import io.playmark.kernel.campaign.Targeting;
import io.playmark.kernel.campaign.UnbookCampaignCommand;
import io.playmark.kernel.player.PlayerTarget;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.playmark.kernel.asset.Orientation.LANDSCAPE;
import static io.playmark.kernel.campaign.CampaignStatus.ACTIVE;
import static io.playmark.kernel.campaign.CampaignStatus.ARCHIVED;
import static io.playmark.kernel.campaign.CampaignStatus.BOOKED;
import static io.playmark.kernel.campaign.CampaignStatus.COMPLETED;
import static io.playmark.kernel.campaign.CampaignStatus.DRAFT;
import static io.playmark.kernel.campaign.CampaignStatus.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** A campaign filled in, booked, started and ended by its flight, paused, archived; and every refusal on the way. */
class CampaignLifecycleTest {

    private static final CampaignId ID = new CampaignId("0c0ffee0-64a4-4f4e-9a39-0c1f2b7d8e11");
    private static final String CAMPAIGN = ID.value();
    private static final PlayerTarget LOBBIES = new PlayerTarget(null, null, Set.of(new Tag("lobby")), null);

    private AggregateTestFixture<Campaign> fixture;
    private final AssetLibrary library = new AssetLibrary();
    private final ReachedPlayers players = new ReachedPlayers().add("hd-player", LANDSCAPE);
    /** What capacity planning answers, and the campaign it was last asked about. */
    private final List<AdCapacityReport.Shortfall> shortfalls = new ArrayList<>();
    private ProposedCampaign askedAbout;
    private Instant start;
    private Instant end;
    private String approvedAsset;

    @BeforeEach
    void setUp() {
        fixture = fixture();
        start = fixture.currentTime().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));
        end = start.plus(Duration.ofDays(7));
        approvedAsset = library.approved(LANDSCAPE, "hd-player");
    }

    // --- filling in a draft

    @Test
    void each_setting_of_a_draft_is_recorded() {
        var daypart = new Daypart(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0));
        var creatives = List.of(new Creative(approvedAsset, LANDSCAPE, 3));

        fixture().given(created()).when(new SetCampaignFlightCommand(ID, new Flight(start, end)))
                .expectEvents(new CampaignFlightSetEvent(CAMPAIGN, start, end));
        fixture().given(created()).when(new SetCampaignDaypartsCommand(ID, new Dayparts(List.of(daypart))))
                .expectEvents(new CampaignDaypartsSetEvent(CAMPAIGN, List.of(daypart)));
        fixture().given(created()).when(new SetCampaignTargetingCommand(ID, LOBBIES))
                .expectEvents(new CampaignTargetingSetEvent(CAMPAIGN, Targeting.of(LOBBIES)));
        fixture().given(created()).when(new SetCampaignCreativesCommand(ID, creatives))
                .expectEvents(new CampaignCreativesSetEvent(CAMPAIGN, creatives));
        fixture().given(created()).when(new SetCampaignPriorityCommand(ID, PriorityTier.SPONSORSHIP, false))
                .expectEvents(new CampaignPrioritySetEvent(CAMPAIGN, PriorityTier.SPONSORSHIP, false));
        fixture().given(created()).when(new SetCampaignGoalCommand(ID, new Goal(GoalKind.SHARE_OF_VOICE, 20)))
                .expectEvents(new CampaignGoalSetEvent(CAMPAIGN, GoalKind.SHARE_OF_VOICE, 20));
        fixture().given(created()).when(new SetCampaignCapsCommand(ID, new FrequencyCaps(4, 40, 10)))
                .expectEvents(new CampaignCapsSetEvent(CAMPAIGN, 4, 40, 10));
        fixture().given(created()).when(new SetCampaignSeparationCommand(ID, new CompetitiveSeparation("Cars", 30)))
                .expectEvents(new CampaignSeparationSetEvent(CAMPAIGN, "cars", 30));
    }

    @Test
    void setting_what_is_already_set_records_nothing_so_retries_are_harmless() {
        fixture().given(created(), new CampaignFlightSetEvent(CAMPAIGN, start, end),
                        new CampaignCapsSetEvent(CAMPAIGN, 4, null, null),
                        new CampaignGoalSetEvent(CAMPAIGN, GoalKind.PLAYS, 1000))
                .when(new SetCampaignFlightCommand(ID, new Flight(start, end)))
                .expectNoEvents();
        fixture().given(created(), new CampaignCapsSetEvent(CAMPAIGN, 4, null, null))
                .when(new SetCampaignCapsCommand(ID, new FrequencyCaps(4, null, null))).expectNoEvents();
        fixture().given(created()).when(new SetCampaignCapsCommand(ID, FrequencyCaps.NONE)).expectNoEvents();
        fixture().given(created()).when(new SetCampaignSeparationCommand(ID, null)).expectNoEvents();
        fixture().given(created()).when(new SetCampaignPriorityCommand(ID, PriorityTier.STANDARD, true)).expectNoEvents();
        fixture().given(created(), new CampaignGoalSetEvent(CAMPAIGN, GoalKind.PLAYS, 1000))
                .when(new SetCampaignGoalCommand(ID, new Goal(GoalKind.PLAYS, 1000))).expectNoEvents();
    }

    @Test
    void a_draft_takes_creatives_that_are_not_bookable_yet() {
        String pending = library.add(Approval.PENDING, AssetStatus.ACTIVE, LANDSCAPE, "hd-player");
        var creatives = List.of(new Creative(pending, LANDSCAPE, 1));

        fixture().given(created()).when(new SetCampaignCreativesCommand(ID, creatives))
                .expectEvents(new CampaignCreativesSetEvent(CAMPAIGN, creatives));
    }

    // --- booking

    @Test
    void booking_a_complete_draft_waits_for_the_flight_with_deadlines_at_its_start_and_end() {
        fixture().given(complete())
                .when(new BookCampaignCommand(ID))
                .expectEvents(status(DRAFT, BOOKED, "booked"))
                .expectScheduledDeadlineWithName(start, Campaign.FLIGHT_STARTS)
                .expectScheduledDeadlineWithName(end, Campaign.FLIGHT_ENDS);
    }

    @Test
    void booking_a_flight_already_started_makes_the_campaign_active_at_once() {
        Instant started = fixture.currentTime().minus(Duration.ofHours(1));
        List<Object> events = complete();
        events.add(new CampaignFlightSetEvent(CAMPAIGN, started, end));

        fixture().given(events)
                .when(new BookCampaignCommand(ID))
                .expectEvents(status(DRAFT, BOOKED, "booked"), status(BOOKED, ACTIVE, "flight started"))
                .expectScheduledDeadlineWithName(end, Campaign.FLIGHT_ENDS);
    }

    @Test
    void a_goal_over_capacity_is_refused_naming_the_player_and_hour_and_a_dry_run_refuses_the_same() {
        List<Object> events = complete();
        events.add(new CampaignGoalSetEvent(CAMPAIGN, GoalKind.PLAYS, 100_000));
        shortfalls.add(new AdCapacityReport.Shortfall("p-1", "Lobby", Instant.parse("2027-01-04T08:00:00Z"),
                LocalDateTime.parse("2027-01-04T09:00"), 12.5, 4, 60));

        for (boolean dryRun : new boolean[]{false, true}) {
            fixture().given(events).when(new BookCampaignCommand(ID, dryRun))
                    .expectException(BrokenRulesException.class)
                    .expectExceptionMessage(containsString("player p-1 (Lobby) at 2027-01-04T09:00 local "
                            + "(2027-01-04T08:00:00Z): the goal asks 12.5 plays, 4.0 are left to STANDARD of the 60.0 "
                            + "its loop holds in that hour"))
                    .expectNoEvents();
        }
        assertThat(askedAbout.goal()).isEqualTo(new Goal(GoalKind.PLAYS, 100_000));
        assertThat(askedAbout.campaignId()).isEqualTo(ID);
        assertThat(askedAbout.flight()).isEqualTo(new Flight(start, end));
    }

    @Test
    void a_dry_run_that_breaks_no_rule_records_nothing_and_capacity_is_not_asked_without_a_goal() {
        List<Object> withGoal = complete();
        withGoal.add(new CampaignGoalSetEvent(CAMPAIGN, GoalKind.SHARE_OF_VOICE, 20));
        fixture().given(withGoal).when(new BookCampaignCommand(ID, true))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectNoScheduledDeadlines();
        assertThat(askedAbout).isNotNull();

        askedAbout = null;
        fixture().given(complete()).when(new BookCampaignCommand(ID))
                .expectEvents(status(DRAFT, BOOKED, "booked"));
        assertThat(askedAbout).isNull();
    }

    @Test
    void booking_twice_records_one_booking() {
        fixture().given(booked()).when(new BookCampaignCommand(ID)).expectNoEvents();
    }

    @Test
    void an_empty_draft_is_refused_naming_the_flight_the_targeting_and_the_creatives() {
        fixture().given(created())
                .when(new BookCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(allOf(containsString("needs a flight"), containsString("needs a targeting"),
                        containsString("at least one creative")))
                .expectNoEvents();
    }

    @Test
    void a_creative_not_approved_is_refused_at_booking() {
        String pending = library.add(Approval.PENDING, AssetStatus.ACTIVE, LANDSCAPE, "hd-player");
        List<Object> events = complete();
        events.add(new CampaignCreativesSetEvent(CAMPAIGN, List.of(new Creative(pending, LANDSCAPE, 1))));

        fixture().given(events).when(new BookCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("asset " + pending + " is not approved (PENDING)"));
    }

    @Test
    void a_creative_no_targeted_player_can_play_is_refused_at_booking() {
        String only4k = library.approved(LANDSCAPE, "4k-player");
        List<Object> events = complete();
        events.add(new CampaignCreativesSetEvent(CAMPAIGN, List.of(new Creative(only4k, LANDSCAPE, 1))));

        fixture().given(events).when(new BookCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("plays on no targeted LANDSCAPE player"));
    }

    @Test
    void a_flight_that_has_ended_is_refused_at_booking() {
        Instant lastWeek = fixture.currentTime().minus(Duration.ofDays(7));
        List<Object> events = complete();
        events.add(new CampaignFlightSetEvent(CAMPAIGN, lastWeek, lastWeek.plus(Duration.ofDays(1))));

        fixture().given(events).when(new BookCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("must end in the future"));
    }

    // --- the flight moves the campaign by itself

    @Test
    void the_flight_start_makes_a_booked_campaign_active() {
        fixture().given(complete()).andGivenCommands(new BookCampaignCommand(ID))
                .whenTimeAdvancesTo(start)
                .expectEvents(status(BOOKED, ACTIVE, "flight started"));
    }

    @Test
    void the_flight_end_completes_an_active_or_paused_campaign() {
        fixture().given(complete()).andGivenCommands(new BookCampaignCommand(ID))
                .whenTimeAdvancesTo(end)
                .expectEvents(status(BOOKED, ACTIVE, "flight started"), status(ACTIVE, COMPLETED, "flight ended"));
        fixture().givenCurrentTime(start.plusSeconds(1)).andGiven(complete())
                .andGivenCommands(new BookCampaignCommand(ID), new PauseCampaignCommand(ID))
                .whenTimeAdvancesTo(end)
                .expectEvents(status(PAUSED, COMPLETED, "flight ended"));
    }

    @Test
    void a_flight_moved_after_booking_follows_the_new_start_and_the_old_deadline_finds_nothing_to_do() {
        Instant later = start.plus(Duration.ofDays(2));
        fixture().given(complete())
                .andGivenCommands(new BookCampaignCommand(ID), new SetCampaignFlightCommand(ID, new Flight(later, end)))
                .whenTimeAdvancesTo(start.plus(Duration.ofDays(1)))
                .expectNoEvents();
        fixture().given(complete())
                .andGivenCommands(new BookCampaignCommand(ID), new SetCampaignFlightCommand(ID, new Flight(later, end)))
                .whenTimeAdvancesTo(later)
                .expectEvents(status(BOOKED, ACTIVE, "flight started"));
    }

    @Test
    void an_unbooked_campaign_does_not_start_at_its_flight() {
        fixture().given(complete())
                .andGivenCommands(new BookCampaignCommand(ID), new UnbookCampaignCommand(ID))
                .whenTimeAdvancesTo(end)
                .expectNoEvents();
    }

    // --- pause, resume, unbook, archive

    @Test
    void an_active_campaign_pauses_and_resumes_and_repeats_are_harmless() {
        fixture().given(active()).when(new PauseCampaignCommand(ID)).expectEvents(status(ACTIVE, PAUSED, "paused"));
        fixture().given(with(active(), status(ACTIVE, PAUSED, "paused"))).when(new PauseCampaignCommand(ID)).expectNoEvents();
        fixture().given(with(active(), status(ACTIVE, PAUSED, "paused"))).when(new ResumeCampaignCommand(ID))
                .expectEvents(status(PAUSED, ACTIVE, "resumed"));
        fixture().given(active()).when(new ResumeCampaignCommand(ID)).expectNoEvents();
    }

    @Test
    void only_an_active_campaign_pauses_and_only_a_paused_one_resumes() {
        fixture().given(created()).when(new PauseCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("a DRAFT campaign cannot be paused; only a campaign that is ACTIVE can"));
        fixture().given(booked()).when(new ResumeCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("a BOOKED campaign cannot be resumed"));
    }

    @Test
    void a_booked_campaign_goes_back_to_draft_but_a_running_one_does_not() {
        fixture().given(booked()).when(new UnbookCampaignCommand(ID)).expectEvents(status(BOOKED, DRAFT, "unbooked"));
        fixture().given(created()).when(new UnbookCampaignCommand(ID)).expectNoEvents();
        fixture().given(active()).when(new UnbookCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("pause a running campaign instead"));
    }

    @Test
    void a_completed_campaign_or_a_draft_is_archived_but_not_a_running_one() {
        fixture().given(completed()).when(new ArchiveCampaignCommand(ID))
                .expectEvents(status(COMPLETED, ARCHIVED, "archived"));
        fixture().given(created()).when(new ArchiveCampaignCommand(ID)).expectEvents(status(DRAFT, ARCHIVED, "archived"));
        fixture().given(with(completed(), status(COMPLETED, ARCHIVED, "archived"))).when(new ArchiveCampaignCommand(ID))
                .expectNoEvents();
        fixture().given(active()).when(new ArchiveCampaignCommand(ID))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("only a campaign that is COMPLETED or DRAFT can"));
        fixture().given(with(completed(), status(COMPLETED, ARCHIVED, "archived"))).when(new BookCampaignCommand(ID))
                .expectException(BrokenRulesException.class);
    }

    // --- edits once booked, and no edits once over

    @Test
    void a_completed_or_archived_campaign_is_no_longer_changed() {
        for (Object command : List.of(new RenameCampaignCommand(ID, new CampaignName("Later")),
                new SetCampaignFlightCommand(ID, new Flight(start, end.plusSeconds(60))),
                new SetCampaignCreativesCommand(ID, List.of()),
                new SetCampaignCapsCommand(ID, new FrequencyCaps(1, 1, null)))) {
            fixture().given(completed()).when(command)
                    .expectException(BrokenRulesException.class)
                    .expectExceptionMessage(containsString("is COMPLETED and can no longer be changed"));
        }
        fixture().given(with(completed(), status(COMPLETED, ARCHIVED, "archived")))
                .when(new SetCampaignGoalCommand(ID, new Goal(GoalKind.PLAYS, 5)))
                .expectExceptionMessage(containsString("is ARCHIVED and can no longer be changed"));
    }

    @Test
    void a_booked_campaign_keeps_to_the_booking_rules_through_its_edits() {
        String pending = library.add(Approval.PENDING, AssetStatus.ACTIVE, LANDSCAPE, "hd-player");
        fixture().given(booked()).when(new SetCampaignCreativesCommand(ID, List.of(new Creative(pending, LANDSCAPE, 1))))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("is not approved"));
        fixture().given(booked()).when(new SetCampaignCreativesCommand(ID, List.of()))
                .expectExceptionMessage(containsString("at least one creative"));
        String other = library.approved(LANDSCAPE, "hd-player");
        var creatives = List.of(new Creative(approvedAsset, LANDSCAPE, 1), new Creative(other, LANDSCAPE, 2));
        fixture().given(booked()).when(new SetCampaignCreativesCommand(ID, creatives))
                .expectEvents(new CampaignCreativesSetEvent(CAMPAIGN, creatives));
    }

    @Test
    void a_running_campaign_may_end_later_but_not_start_elsewhere() {
        fixture().given(active()).when(new SetCampaignFlightCommand(ID, new Flight(start.plusSeconds(60), end)))
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("only its end can move now"));
        Instant later = end.plus(Duration.ofDays(3));
        fixture().given(active()).when(new SetCampaignFlightCommand(ID, new Flight(start, later)))
                .expectEvents(new CampaignFlightSetEvent(CAMPAIGN, start, later))
                .expectScheduledDeadlineWithName(later, Campaign.FLIGHT_ENDS);
    }

    /** A fixture for one given-when-then: Axon's fixture is not meant to run two. */
    private AggregateTestFixture<Campaign> fixture() {
        var fresh = new AggregateTestFixture<>(Campaign.class);
        fresh.registerInjectableResource(library);
        fresh.registerInjectableResource(players);
        fresh.registerInjectableResource((AdInventory) (campaign, now) -> {
            askedAbout = campaign;
            return new AdCapacityReport(now, now, shortfalls, shortfalls.size(), List.of(), List.of());
        });
        return fresh;
    }

    // --- events of a campaign at each stage

    private static CampaignCreatedEvent created() {
        return new CampaignCreatedEvent(CAMPAIGN, "Summer sale", "Acme");
    }

    private List<Object> complete() {
        List<Object> events = new ArrayList<>();
        events.add(created());
        events.add(new CampaignFlightSetEvent(CAMPAIGN, start, end));
        events.add(new CampaignTargetingSetEvent(CAMPAIGN, Targeting.of(LOBBIES)));
        events.add(new CampaignCreativesSetEvent(CAMPAIGN, List.of(new Creative(approvedAsset, LANDSCAPE, 1))));
        return events;
    }

    private List<Object> booked() {
        List<Object> events = complete();
        events.add(status(DRAFT, BOOKED, "booked"));
        return events;
    }

    private List<Object> active() {
        List<Object> events = booked();
        events.add(status(BOOKED, ACTIVE, "flight started"));
        return events;
    }

    private List<Object> completed() {
        List<Object> events = active();
        events.add(status(ACTIVE, COMPLETED, "flight ended"));
        return events;
    }

    private static List<Object> with(List<Object> events, Object event) {
        List<Object> more = new ArrayList<>(events);
        more.add(event);
        return more;
    }

    private static CampaignStatusChangedEvent status(CampaignStatus from, CampaignStatus to, String reason) {
        return new CampaignStatusChangedEvent(CAMPAIGN, from, to, reason);
    }
}
