package io.playmark.query.decisioning;

import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.FrequencyCaps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The ad plays already placed in one resolution, per campaign, for caps and separation. Lives only for the length
 * of one resolution: plays before the window are not known (delivered plays come with proof of play). Slots are
 * filled in time order, so only the current clock hour's and local day's counts need keeping.
 */
final class PlayHistory {

    private final ZoneId zone;
    private final Map<String, Counts> counts = new HashMap<>();
    /** The last ad placed of each competitive category, and the last ad placed at all. */
    private final Map<String, Placed> lastOfCategory = new HashMap<>();
    private Placed lastAd;
    /** The ad slots met so far in the current clock hour, for shares of voice. */
    private ZonedDateTime slotHour;
    private long slotsInHour;

    private record Placed(DecisionCampaign campaign, Instant start) {
    }

    /** One campaign's plays in the clock hour and the local day of its last play, and when that was. */
    private static final class Counts {
        ZonedDateTime hour;
        LocalDate day;
        long inHour;
        long inDay;
        Instant last;
    }

    PlayHistory(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts an ad slot, filled or not, in its clock hour. */
    void slotAt(ZonedDateTime local) {
        ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        slotsInHour = hour.equals(slotHour) ? slotsInHour + 1 : 1;
        slotHour = hour;
    }

    /**
     * Null when a share-of-voice campaign is still below its share of the hour's ad slots so far (this one
     * included); otherwise that the share is reached. Together with {@link #belowShare} it gets its share exactly.
     */
    Explanation shareRuleOut(DecisionCampaign campaign, ZonedDateTime local) {
        if (campaign.shareOfVoice() == null) {
            return null;
        }
        long plays = playsInHour(campaign, local);
        if (plays < campaign.shareOfVoice() / 100.0 * slotsInHour) {
            return null;
        }
        // the detail is written later, when the counters have moved on: it keeps their values of now
        long slots = slotsInHour;
        ZonedDateTime hour = slotHour;
        return new Explanation(Reason.SHARE_OF_VOICE_REACHED, () -> plays + " of the " + slots + " ad slots so far in "
                + "the hour from " + hour.toLocalDateTime() + ", its share is " + campaign.shareOfVoice() + " %");
    }

    /** Whether a share-of-voice campaign has fallen behind its share of the hour's slots: it then goes first. */
    boolean belowShare(DecisionCampaign campaign, ZonedDateTime local) {
        return campaign.shareOfVoice() != null
                && playsInHour(campaign, local) < Math.floor(campaign.shareOfVoice() / 100.0 * slotsInHour);
    }

    private long playsInHour(DecisionCampaign campaign, ZonedDateTime local) {
        Counts placed = counts.get(campaign.id().value());
        return placed != null && local.truncatedTo(ChronoUnit.HOURS).equals(placed.hour) ? placed.inHour : 0;
    }

    void record(DecisionCampaign campaign, Instant start) {
        Counts campaignCounts = counts.computeIfAbsent(campaign.id().value(), id -> new Counts());
        ZonedDateTime local = start.atZone(zone);
        ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        campaignCounts.inHour = hour.equals(campaignCounts.hour) ? campaignCounts.inHour + 1 : 1;
        campaignCounts.inDay = local.toLocalDate().equals(campaignCounts.day) ? campaignCounts.inDay + 1 : 1;
        campaignCounts.hour = hour;
        campaignCounts.day = local.toLocalDate();
        campaignCounts.last = start;
        lastAd = new Placed(campaign, start);
        if (campaign.separation() != null) {
            lastOfCategory.put(campaign.separation().category(), lastAd);
        }
    }

    /** Null when the caps allow a play at the instant; otherwise which cap stops it. */
    Explanation ruleOut(DecisionCampaign campaign, ZonedDateTime local) {
        Counts placed = counts.get(campaign.id().value());
        if (placed == null) {
            return null;
        }
        FrequencyCaps caps = campaign.caps();
        // the clock hour keeps its offset, so the hour repeated in autumn is two hours, each with its own cap
        ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = local.toLocalDate();
        long inHour = hour.equals(placed.hour) ? placed.inHour : 0;
        long inDay = day.equals(placed.day) ? placed.inDay : 0;
        if (caps.maxPlaysPerHour() != null && inHour >= caps.maxPlaysPerHour()) {
            return new Explanation(Reason.CAP_REACHED, () -> inHour + " plays in the hour from " + hour.toLocalDateTime()
                    + ", the cap is " + caps.maxPlaysPerHour());
        }
        if (caps.maxPlaysPerDay() != null && inDay >= caps.maxPlaysPerDay()) {
            return new Explanation(Reason.CAP_REACHED, () -> inDay + " plays on " + day + ", the cap is "
                    + caps.maxPlaysPerDay());
        }
        if (caps.minMinutesBetweenPlays() != null) {
            Instant last = placed.last;
            Duration gap = Duration.between(last, local.toInstant());
            if (gap.compareTo(Duration.ofMinutes(caps.minMinutesBetweenPlays())) < 0) {
                return new Explanation(Reason.SEPARATION, () -> "last played at " + last + ", "
                        + caps.minMinutesBetweenPlays() + " minutes must pass between plays");
            }
        }
        return null;
    }

    /**
     * Null when no competitor stops the campaign at the instant: another campaign of its category played less than
     * the campaign's minimum apart before, or, with a minimum of 0, in the ad slot just before.
     */
    Explanation competitorRuleOut(DecisionCampaign campaign, Instant at) {
        CompetitiveSeparation separation = campaign.separation();
        if (separation == null) {
            return null;
        }
        Placed competitor = lastOfCategory.get(separation.category());
        if (competitor == null || competitor.campaign().id().equals(campaign.id())) {
            return null;
        }
        boolean tooClose = Duration.between(competitor.start(), at)
                .compareTo(Duration.ofMinutes(separation.minMinutesApart())) < 0;
        boolean backToBack = separation.minMinutesApart() == 0 && lastAd == competitor;
        if (!tooClose && !backToBack) {
            return null;
        }
        return new Explanation(Reason.COMPETITIVE_SEPARATION, () -> competitor.campaign().name() + " ("
                + competitor.campaign().id().value() + "), also " + separation.category() + ", played at "
                + competitor.start() + (backToBack ? ", in the slot just before"
                : "; " + separation.minMinutesApart() + " minutes must pass between competitors"));
    }
}
