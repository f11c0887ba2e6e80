package io.playmark.command.campaign;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.ProposedCampaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The booking rule on capacity: in no player-hour may the goal ask more than the loop's ad slots leave to its tier.
 * A goal of impressions, or none, asks nothing and is not checked.
 */
final class CapacityRules {

    private CapacityRules() {
    }

    static List<BrokenRule> check(ProposedCampaign campaign, AdInventory inventory, Instant now) {
        if (campaign.goal() == null || campaign.goal().kind() == GoalKind.IMPRESSIONS) {
            return List.of();
        }
        AdCapacityReport report = inventory.capacity(campaign, now);
        List<BrokenRule> broken = new ArrayList<>();
        for (AdCapacityReport.Shortfall shortfall : report.shortfalls()) {
            broken.add(new BrokenRule("goal", "capacity", "player " + shortfall.playerId() + " ("
                    + shortfall.playerName() + ") at " + shortfall.localHour() + " local (" + shortfall.hour()
                    + "): the goal asks " + plays(shortfall.asked()) + " plays, " + plays(shortfall.free())
                    + " are left to " + campaign.tier() + " of the " + plays(shortfall.supply())
                    + " its loop holds in that hour"));
        }
        int more = report.shortfallCount() - report.shortfalls().size();
        if (more > 0) {
            broken.add(new BrokenRule("goal", "capacity", more + " more player-hours are over capacity"));
        }
        return broken;
    }

    private static String plays(double plays) {
        return String.format(Locale.ROOT, "%.1f", plays);
    }
}
