package io.playmark.query.decisioning;

import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.player.TargetedPlayer;

import java.time.Instant;
import java.time.ZonedDateTime;

/** The rules that rule a campaign out at a moment whatever else plays: status, flight, daypart, creative. */
final class Eligibility {

    private Eligibility() {
    }

    /** Null when the campaign may play at the instant; otherwise why not. */
    static Explanation ruleOut(DecisionCampaign campaign, TargetedPlayer player, Instant at) {
        return ruleOut(campaign, player, at.atZone(player.zone()));
    }

    /** The same, for the instant already on the player's wall clock (a slot asks it of every campaign). */
    static Explanation ruleOut(DecisionCampaign campaign, TargetedPlayer player, ZonedDateTime local) {
        Instant at = local.toInstant();
        if (campaign.status() == CampaignStatus.PAUSED) {
            return new Explanation(Reason.PAUSED, () -> "the campaign is paused");
        }
        if (campaign.status() != CampaignStatus.ACTIVE && campaign.status() != CampaignStatus.BOOKED) {
            return new Explanation(Reason.NOT_ACTIVE, () -> "the campaign is " + campaign.status());
        }
        if (campaign.flight() == null || !campaign.flight().contains(at)) {
            return new Explanation(Reason.OUT_OF_FLIGHT, () -> campaign.flight() == null ? "the campaign has no flight"
                    : "the flight runs from " + campaign.flight().start() + " to " + campaign.flight().end());
        }
        if (!campaign.dayparts().contains(local)) {
            return new Explanation(Reason.OUTSIDE_DAYPART, () -> "evaluated at " + local.toLocalDateTime() + " "
                    + local.getDayOfWeek() + " in " + player.zone());
        }
        if (campaign.aheadOfPace()) {
            return new Explanation(Reason.AHEAD_OF_PACE, () -> "delivered %.0f %% of the plays an even pace expects by "
                    .formatted(100 * campaign.pace()) + "this hour; it waits while more than "
                    + Math.round(100 * (DecisionCampaign.AHEAD - 1)) + " % ahead");
        }
        if (!campaign.hasCreativeFor(player.orientation())) {
            return new Explanation(Reason.NO_PLAYABLE_CREATIVE, () -> "no approved creative for " + player.orientation()
                    + " screens that the " + player.hardwareProfile() + " hardware profile plays");
        }
        return null;
    }
}
