package io.playmark.query.decisioning;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.PriorityTier;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What decisioning needs to know of one campaign, in kernel types, so that it depends on no other feature's views.
 * {@code shareOfVoice} is the percent of each hour's ad slots a share-of-voice goal asks for (null for other goals);
 * {@code pace} is delivered over expected plays for a plays goal, as of the hour (null: not paced).
 */
public record DecisionCampaign(CampaignId id, String name, CampaignStatus status, Flight flight, Dayparts dayparts,
                               PriorityTier tier, boolean preemptible, List<Creative> creatives, FrequencyCaps caps,
                               CompetitiveSeparation separation, Integer shareOfVoice, Double pace) {

    /** More than this far ahead of even delivery, a campaign waits; this far behind, it goes first. */
    static final double AHEAD = 1.05;
    static final double BEHIND = 0.95;
    public DecisionCampaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        dayparts = Objects.requireNonNullElse(dayparts, Dayparts.ALWAYS);
        tier = Objects.requireNonNullElse(tier, PriorityTier.STANDARD);
        creatives = creatives == null ? List.of() : List.copyOf(creatives);
        caps = Objects.requireNonNullElse(caps, FrequencyCaps.NONE);
    }

    /** A campaign's plan, with only the creatives the player can show (approved, active, playable by its profile). */
    static DecisionCampaign of(CampaignPlan plan, Predicate<Creative> playable, Double pace) {
        return new DecisionCampaign(plan.id(), plan.name(), plan.status(), plan.flight(), plan.dayparts(), plan.tier(),
                plan.preemptible(), plan.creatives().stream().filter(playable).toList(), plan.caps(),
                plan.separation(), plan.goal() != null && plan.goal().kind() == GoalKind.SHARE_OF_VOICE
                        ? (int) plan.goal().target() : null, pace);
    }

    boolean aheadOfPace() {
        return pace != null && pace > AHEAD;
    }

    boolean behindPace() {
        return pace != null && pace < BEHIND;
    }

    boolean hasCreativeFor(Orientation orientation) {
        for (Creative creative : creatives) {
            if (creative.orientation() == orientation) {
                return true;
            }
        }
        return false;
    }

    /** The creatives a screen of this orientation can show, in a fixed order so that a weighted draw is repeatable. */
    List<Creative> creativesFor(Orientation orientation) {
        return creatives.stream().filter(creative -> creative.orientation() == orientation)
                .sorted(java.util.Comparator.comparing(Creative::assetId)).toList();
    }
}
