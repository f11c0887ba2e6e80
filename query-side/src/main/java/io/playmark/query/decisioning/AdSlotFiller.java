package io.playmark.query.decisioning;

import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.player.TargetedPlayer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Fills one ad slot: of the eligible campaigns, those of the best tier (sponsorship, then standard, then house) and
 * those that are not preemptible draw lots, each an equal chance; then the winner's creatives for the screen's
 * orientation by weight. Caps, separation and competitive separation count the plays placed earlier in the same
 * resolution. The lots are seeded by the player and the slot's start, so the same state always answers the same.
 */
final class AdSlotFiller {

    private final TargetedPlayer player;
    private final List<DecisionCampaign> campaigns;
    private final PlayHistory history;

    /** Whether each slot's decision keeps why every other campaign lost: explain reads it, a playlist does not. */
    private final boolean keepLosers;

    AdSlotFiller(TargetedPlayer player, List<DecisionCampaign> campaigns, boolean keepLosers) {
        this.keepLosers = keepLosers;
        this.player = player;
        this.campaigns = campaigns.stream().sorted(Comparator.comparing(campaign -> campaign.id().value())).toList();
        this.history = new PlayHistory();
    }

    record Fill(SlotDecision decision, Creative creative) {
    }

    Fill fill(Instant start, Duration duration) {
        Map<String, Explanation> losers = keepLosers ? new HashMap<>() : Map.of();
        List<DecisionCampaign> eligible = new ArrayList<>();
        ZonedDateTime local = start.atZone(player.zone());
        history.slotAt(local);
        for (DecisionCampaign campaign : campaigns) {
            Explanation out = Eligibility.ruleOut(campaign, player, local);
            if (out == null) {
                out = history.ruleOut(campaign);
            }
            if (out == null) {
                out = history.competitorRuleOut(campaign);
            }
            if (out == null) {
                out = history.shareRuleOut(campaign);
            }
            if (out == null) {
                eligible.add(campaign);
            } else if (keepLosers) {
                losers.put(campaign.id().value(), out);
            }
        }
        if (eligible.isEmpty()) {
            return new Fill(new SlotDecision(start, duration, null, losers), null);
        }
        var bestTier = eligible.stream().map(DecisionCampaign::tier).min(Comparator.naturalOrder()).orElseThrow();
        // a campaign that is not preemptible does not give way to a higher tier: it draws with the best
        Predicate<DecisionCampaign> contends = campaign -> campaign.tier() == bestTier || !campaign.preemptible();
        // a share of voice fallen behind in the hour, or a goal behind its pace, goes before the draw
        Predicate<DecisionCampaign> behind = campaign -> contends.test(campaign)
                && (history.belowShare(campaign) || campaign.behindPace());
        List<DecisionCampaign> behindFirst = eligible.stream().filter(behind).toList();
        boolean someBehind = !behindFirst.isEmpty();
        List<DecisionCampaign> drawn = someBehind ? behindFirst : eligible.stream().filter(contends).toList();
        SplittableRandom lots = Draws.at(player, start);
        DecisionCampaign winner = drawn.get(lots.nextInt(drawn.size()));
        int draw = drawn.size();
        for (DecisionCampaign campaign : keepLosers ? eligible : List.<DecisionCampaign>of()) {
            if (campaign != winner) {
                boolean inDraw = someBehind ? behind.test(campaign) : contends.test(campaign);
                losers.put(campaign.id().value(), new Explanation(Reason.PREEMPTED, () -> (inDraw
                        ? "lost the draw among " + draw + " campaigns to "
                        : contends.test(campaign) ? "a campaign behind its share of voice or its pace goes first: "
                        : "a " + bestTier + " campaign plays: ") + winner.name() + " (" + winner.id().value() + ")"));
            }
        }
        history.record(winner);
        return new Fill(new SlotDecision(start, duration, winner, losers), pickCreative(winner, lots));
    }

    private Creative pickCreative(DecisionCampaign winner, SplittableRandom lots) {
        List<Creative> creatives = winner.creativesFor(player.orientation());
        int ticket = lots.nextInt(creatives.stream().mapToInt(Creative::weight).sum());
        for (Creative creative : creatives) {
            ticket -= creative.weight();
            if (ticket < 0) {
                return creative;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }
}
