package io.playmark.query.campaign;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.campaign.Targeting;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign as dashboards read it. Views written before campaigns had a lifecycle lack the newer fields: they
 * read as the aggregate's defaults (a draft, standard tier, preemptible, no caps).
 *
 * @param version the aggregate sequence number of the last event applied, so that a replayed or
 *                redelivered event never rolls the view back
 */
@Document(CampaignView.COLLECTION)
public record CampaignView(@Id String id, String name, String advertiser, CampaignStatus status, FlightView flight,
                           List<DaypartView> dayparts, Targeting targeting, List<CreativeView> creatives,
                           PriorityTier tier, Boolean preemptible, GoalView goal, FrequencyCaps caps,
                           CompetitiveSeparation separation, Instant createdAt, Instant updatedAt, long version) {

    public static final String COLLECTION = "campaigns";

    public CampaignView {
        status = status == null ? CampaignStatus.DRAFT : status;
        dayparts = dayparts == null ? List.of() : dayparts;
        creatives = creatives == null ? List.of() : creatives;
        tier = tier == null ? PriorityTier.STANDARD : tier;
        preemptible = preemptible == null || preemptible;
        caps = caps == null ? FrequencyCaps.NONE : caps;
    }

    static CampaignView created(String id, String name, String advertiser, Instant at, long version) {
        return new CampaignView(id, name, advertiser, CampaignStatus.DRAFT, null, List.of(), null, List.of(),
                PriorityTier.STANDARD, true, null, FrequencyCaps.NONE, null, at, at, version);
    }

    /** The campaign's rules in kernel types, as decisioning reads them. */
    public CampaignPlan plan() {
        return new CampaignPlan(new CampaignId(id), name, advertiser, status,
                flight == null ? null : new Flight(flight.start(), flight.end()),
                new Dayparts(dayparts.stream().map(DaypartView::daypart).toList()),
                targeting == null ? null : targeting.toTarget(),
                creatives.stream().map(c -> new Creative(c.assetId(), c.orientation(), c.weight())).toList(),
                tier, preemptible, goal == null ? null : new Goal(goal.kind(), goal.target()), caps, separation);
    }

    /** The campaign as capacity planning sees it; empty while it has no flight or no targeting. */
    public Optional<ProposedCampaign> proposal() {
        if (flight == null || targeting == null) {
            return Optional.empty();
        }
        CampaignPlan plan = plan();
        return Optional.of(new ProposedCampaign(plan.id(), plan.target(), plan.flight(), plan.dayparts(), tier,
                plan.goal(), preemptible));
    }

    public record FlightView(Instant start, Instant end) {
    }

    /** Local times as ISO text ("22:00"), read on each player's wall clock. */
    public record DaypartView(List<DayOfWeek> days, String from, String to, boolean crossesMidnight) {

        Daypart daypart() {
            return new Daypart(Set.copyOf(days), LocalTime.parse(from), LocalTime.parse(to));
        }
    }

    public record CreativeView(String assetId, Orientation orientation, int weight) {
    }

    public record GoalView(GoalKind kind, long target) {
    }
}
