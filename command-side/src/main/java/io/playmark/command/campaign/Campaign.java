package io.playmark.command.campaign;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.campaign.ArchiveCampaignCommand;
import io.playmark.kernel.campaign.BookCampaignCommand;
import io.playmark.kernel.campaign.CampaignCapsSetEvent;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignCreativesSetEvent;
import io.playmark.kernel.campaign.CampaignDaypartsSetEvent;
import io.playmark.kernel.campaign.CampaignFlightSetEvent;
import io.playmark.kernel.campaign.CampaignGoalSetEvent;
import io.playmark.kernel.campaign.CampaignPrioritySetEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CampaignSeparationSetEvent;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CampaignStatusChangedEvent;
import io.playmark.kernel.campaign.CampaignTargetingSetEvent;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.CreateCampaignCommand;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.Goal;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An advertiser's campaign: what is sold, to whom, when and how often, and where it stands in its lifecycle. Every
 * change that would change nothing records nothing, so retries are safe. The flight's start and end move it to
 * ACTIVE and COMPLETED by themselves, through deadlines (JobRunr jobs in the shared store, so any one instance runs
 * each). A deadline carries the instant it was set for and is ignored when the flight has moved since, so deadlines
 * are never cancelled: a stale one finds nothing to do.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Campaign {

    static final String FLIGHT_STARTS = "campaign-flight-starts";
    static final String FLIGHT_ENDS = "campaign-flight-ends";

    /** The payload of a flight deadline: the flight boundary it was set for. */
    public record FlightBoundary(Instant at) {
    }

    @AggregateIdentifier
    private String campaignId;
    private String name;
    private CampaignStatus status = CampaignStatus.DRAFT;
    private Instant flightStart;
    private Instant flightEnd;
    private Targeting targeting;
    private List<Creative> creatives = List.of();
    private List<Daypart> dayparts = List.of();
    private PriorityTier tier = PriorityTier.STANDARD;
    private boolean preemptible = true;
    // the last goal, caps and separation as recorded, to tell a change from a retry
    private CampaignGoalSetEvent goal;
    private CampaignCapsSetEvent caps;
    private CampaignSeparationSetEvent separation;

    protected Campaign() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Campaign(CreateCampaignCommand command) {
        apply(new CampaignCreatedEvent(command.campaignId().value(), command.name().value(),
                command.advertiser().value()));
    }

    /** Renaming to the current name changes nothing, so a retried rename records no second event. */
    @CommandHandler
    public void handle(RenameCampaignCommand command) {
        requireEditable();
        if (command.name().value().equals(name)) {
            return;
        }
        apply(new CampaignRenamedEvent(campaignId, command.name().value(), name));
    }

    /** While it runs, a flight's end may move but not its start; a booked campaign's flight must still end later. */
    @CommandHandler
    public void handle(SetCampaignFlightCommand command, CreativeAssets assets, TargetedPlayers players,
                       DeadlineManager deadlines) {
        requireEditable();
        Flight flight = command.flight();
        if (flight.equals(flight())) {
            return;
        }
        if ((status == CampaignStatus.ACTIVE || status == CampaignStatus.PAUSED) && !flight.start().equals(flightStart)) {
            throw refused(new BrokenRule("flight.start", "started", "the campaign started at " + flightStart
                    + "; only its end can move now"));
        }
        requireBookable(flight, target(), creatives, assets, players);
        apply(new CampaignFlightSetEvent(campaignId, flight.start(), flight.end()));
        if (status.isBooked()) {
            followFlight(deadlines);
        }
    }

    @CommandHandler
    public void handle(SetCampaignDaypartsCommand command) {
        requireEditable();
        if (!command.dayparts().parts().equals(dayparts)) {
            apply(new CampaignDaypartsSetEvent(campaignId, command.dayparts().parts()));
        }
    }

    @CommandHandler
    public void handle(SetCampaignTargetingCommand command, CreativeAssets assets, TargetedPlayers players) {
        requireEditable();
        Targeting wanted = Targeting.of(command.target());
        if (!wanted.equals(targeting)) {
            requireBookable(flight(), command.target(), creatives, assets, players);
            apply(new CampaignTargetingSetEvent(campaignId, wanted));
        }
    }

    @CommandHandler
    public void handle(SetCampaignCreativesCommand command, CreativeAssets assets, TargetedPlayers players) {
        requireEditable();
        if (!command.creatives().equals(creatives)) {
            requireBookable(flight(), target(), command.creatives(), assets, players);
            apply(new CampaignCreativesSetEvent(campaignId, command.creatives()));
        }
    }

    @CommandHandler
    public void handle(SetCampaignPriorityCommand command) {
        requireEditable();
        if (command.tier() != tier || command.preemptible() != preemptible) {
            apply(new CampaignPrioritySetEvent(campaignId, command.tier(), command.preemptible()));
        }
    }

    @CommandHandler
    public void handle(SetCampaignGoalCommand command) {
        requireEditable();
        var wanted = new CampaignGoalSetEvent(campaignId, command.goal().kind(), command.goal().target());
        if (!wanted.equals(goal)) {
            apply(wanted);
        }
    }

    @CommandHandler
    public void handle(SetCampaignCapsCommand command) {
        requireEditable();
        FrequencyCaps given = command.caps();
        var wanted = new CampaignCapsSetEvent(campaignId, given.maxPlaysPerHour(), given.maxPlaysPerDay(),
                given.minMinutesBetweenPlays());
        if (!wanted.equals(caps == null ? noCaps() : caps)) {
            apply(wanted);
        }
    }

    @CommandHandler
    public void handle(SetCampaignSeparationCommand command) {
        requireEditable();
        CompetitiveSeparation given = command.separation();
        var wanted = new CampaignSeparationSetEvent(campaignId, given == null ? null : given.category(),
                given == null ? 0 : given.minMinutesApart());
        if (!wanted.equals(separation == null ? new CampaignSeparationSetEvent(campaignId, null, 0) : separation)) {
            apply(wanted);
        }
    }

    /**
     * Books a draft once every booking rule holds, capacity last (it needs the flight and targeting the others
     * check); a flight already started makes it active at once. A dry run stops before anything is recorded.
     */
    @CommandHandler
    public void handle(BookCampaignCommand command, CreativeAssets assets, TargetedPlayers players,
                       AdInventory inventory, DeadlineManager deadlines) {
        if (status.isBooked()) {
            return;
        }
        requireStatus(Set.of(CampaignStatus.DRAFT), "booked");
        List<BrokenRule> broken = new BookingRules(assets, players).check(flight(), target(), creatives, now());
        if (broken.isEmpty()) {
            broken = CapacityRules.check(proposed(), inventory, now());
        }
        refuseBooking(broken);
        if (!command.dryRun()) {
            changeStatus(CampaignStatus.BOOKED, "booked");
            followFlight(deadlines);
        }
    }

    /**
     * The campaign's rules as decisioning applies them (the audit replays it to a moment). The advertiser is left
     * out: the aggregate does not keep it, and decisioning does not read it.
     */
    public CampaignPlan plan() {
        return new CampaignPlan(new CampaignId(campaignId), name, null, status, flight(), new Dayparts(dayparts),
                target(), creatives, tier, preemptible, goal == null ? null : new Goal(goal.kind(), goal.target()),
                caps == null ? FrequencyCaps.NONE : new FrequencyCaps(caps.maxPlaysPerHour(), caps.maxPlaysPerDay(),
                        caps.minMinutesBetweenPlays()),
                separation == null || separation.category() == null ? null
                        : new CompetitiveSeparation(separation.category(), separation.minMinutesApart()));
    }

    private ProposedCampaign proposed() {
        return new ProposedCampaign(new CampaignId(campaignId), target(), flight(), new Dayparts(dayparts), tier,
                goal == null ? null : new Goal(goal.kind(), goal.target()), preemptible);
    }

    @CommandHandler
    public void handle(UnbookCampaignCommand command) {
        if (status != CampaignStatus.DRAFT) {
            requireStatus(Set.of(CampaignStatus.BOOKED), "taken back to draft (pause a running campaign instead)");
            changeStatus(CampaignStatus.DRAFT, "unbooked");
        }
    }

    @CommandHandler
    public void handle(PauseCampaignCommand command) {
        if (status != CampaignStatus.PAUSED) {
            requireStatus(Set.of(CampaignStatus.ACTIVE), "paused");
            changeStatus(CampaignStatus.PAUSED, "paused");
        }
    }

    @CommandHandler
    public void handle(ResumeCampaignCommand command) {
        if (status != CampaignStatus.ACTIVE) {
            requireStatus(Set.of(CampaignStatus.PAUSED), "resumed");
            changeStatus(CampaignStatus.ACTIVE, "resumed");
        }
    }

    @CommandHandler
    public void handle(ArchiveCampaignCommand command) {
        if (status != CampaignStatus.ARCHIVED) {
            requireStatus(Set.of(CampaignStatus.DRAFT, CampaignStatus.COMPLETED), "archived");
            changeStatus(CampaignStatus.ARCHIVED, "archived");
        }
    }

    @DeadlineHandler(deadlineName = FLIGHT_STARTS)
    void onFlightStarts(FlightBoundary boundary) {
        if (status == CampaignStatus.BOOKED && boundary.at().equals(flightStart)) {
            changeStatus(CampaignStatus.ACTIVE, "flight started");
        }
    }

    @DeadlineHandler(deadlineName = FLIGHT_ENDS)
    void onFlightEnds(FlightBoundary boundary) {
        if (status.isBooked() && boundary.at().equals(flightEnd)) {
            changeStatus(CampaignStatus.COMPLETED, "flight ended");
        }
    }

    /** Activates a booked campaign whose flight has started, and sets deadlines for the boundaries still ahead. */
    private void followFlight(DeadlineManager deadlines) {
        Instant now = now();
        if (status == CampaignStatus.BOOKED && !flightStart.isAfter(now)) {
            changeStatus(CampaignStatus.ACTIVE, "flight started");
        } else if (status == CampaignStatus.BOOKED) {
            deadlines.schedule(flightStart, FLIGHT_STARTS, new FlightBoundary(flightStart));
        }
        deadlines.schedule(flightEnd, FLIGHT_ENDS, new FlightBoundary(flightEnd));
    }

    /**
     * The booking rules (but capacity, checked when booking) hold for every edit of a booked, active or paused
     * campaign.
     */
    private void requireBookable(Flight flight, PlayerTarget target, List<Creative> candidates, CreativeAssets assets,
                                 TargetedPlayers players) {
        if (status.isBooked()) {
            refuseBooking(new BookingRules(assets, players).check(flight, target, candidates, now()));
        }
    }

    private void refuseBooking(List<BrokenRule> broken) {
        if (!broken.isEmpty()) {
            throw new BrokenRulesException("Campaign " + campaignId + " cannot be booked", broken);
        }
    }

    private void requireEditable() {
        if (!status.isEditable()) {
            throw refused(new BrokenRule("status", "editable", "the campaign is " + status
                    + " and can no longer be changed"));
        }
    }

    private void requireStatus(Set<CampaignStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw refused(new BrokenRule("status", "transition", "a " + status + " campaign cannot be " + what
                    + "; only a campaign that is " + String.join(" or ", allowed.stream().map(Enum::name).sorted()
                    .toList()) + " can"));
        }
    }

    private BrokenRulesException refused(BrokenRule rule) {
        return new BrokenRulesException("Campaign " + campaignId + " refused the change", rule);
    }

    private void changeStatus(CampaignStatus to, String reason) {
        apply(new CampaignStatusChangedEvent(campaignId, status, to, reason));
    }

    private CampaignCapsSetEvent noCaps() {
        return new CampaignCapsSetEvent(campaignId, null, null, null);
    }

    private Flight flight() {
        return flightStart == null ? null : new Flight(flightStart, flightEnd);
    }

    private PlayerTarget target() {
        return targeting == null ? null : targeting.toTarget();
    }

    /** Axon's clock, which test fixtures set. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        campaignId = event.campaignId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(CampaignRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(CampaignFlightSetEvent event) {
        flightStart = event.start();
        flightEnd = event.end();
    }

    @EventSourcingHandler
    void on(CampaignDaypartsSetEvent event) {
        dayparts = event.dayparts();
    }

    @EventSourcingHandler
    void on(CampaignTargetingSetEvent event) {
        targeting = event.targeting();
    }

    @EventSourcingHandler
    void on(CampaignCreativesSetEvent event) {
        creatives = event.creatives();
    }

    @EventSourcingHandler
    void on(CampaignPrioritySetEvent event) {
        tier = event.tier();
        preemptible = event.preemptible();
    }

    @EventSourcingHandler
    void on(CampaignGoalSetEvent event) {
        goal = event;
    }

    @EventSourcingHandler
    void on(CampaignCapsSetEvent event) {
        caps = event;
    }

    @EventSourcingHandler
    void on(CampaignSeparationSetEvent event) {
        separation = event;
    }

    @EventSourcingHandler
    void on(CampaignStatusChangedEvent event) {
        status = event.to();
    }
}
