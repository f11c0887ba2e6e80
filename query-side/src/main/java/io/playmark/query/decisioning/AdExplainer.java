package io.playmark.query.decisioning;

import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Says why a campaign's ad plays on a player at an instant, or why not. It resolves the timeline from the start of
 * the player's local day, so that the day's caps and separation count the plays that came before the instant.
 */
public final class AdExplainer {

    private final LoopResolver resolver = new LoopResolver();

    /** The window explain resolves for an instant: from the start of its local day to an hour after it. */
    public static Instant windowStart(TargetedPlayer player, Instant at) {
        return at.atZone(player.zone()).toLocalDate().atStartOfDay(player.zone()).toInstant();
    }

    public Explanation explain(TargetedPlayer player, List<ScheduledPlaylist> entries,
                               List<DecisionCampaign> targeting, DecisionCampaign campaign, Instant at) {
        if (targeting.stream().noneMatch(candidate -> candidate.id().equals(campaign.id()))) {
            return new Explanation(Reason.NOT_TARGETED, () -> "the campaign does not target player " + player.id());
        }
        Explanation ruledOut = Eligibility.ruleOut(campaign, player, at);
        if (ruledOut != null) {
            return ruledOut;
        }
        Timeline timeline = resolver.resolve(player, entries, targeting, windowStart(player, at),
                at.plus(Duration.ofHours(1)));
        SlotDecision slot = timeline.slots().stream().filter(decision -> decision.covers(at)).findFirst().orElse(null);
        if (slot == null) {
            return new Explanation(Reason.NO_AD_SLOT, () -> "at " + at.atZone(player.zone()).toLocalDateTime()
                    + " the player plays " + (timeline.items().stream().anyMatch(item -> item.covers(at))
                    ? "content" : "nothing scheduled"));
        }
        if (slot.winner() != null && slot.winner().id().equals(campaign.id())) {
            return new Explanation(Reason.PLAYS, () -> "in the ad slot from " + slot.start() + " for " + slot.duration());
        }
        return slot.losers().get(campaign.id().value());
    }
}
