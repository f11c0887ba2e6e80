package io.playmark.query.decisioning;

import io.playmark.kernel.campaign.FrequencyCaps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ad plays already placed in one resolution, per campaign, for caps and separation. Lives only for the length
 * of one resolution: plays before the window are not known (delivered plays come with proof of play).
 */
final class PlayHistory {

    private final ZoneId zone;
    private final Map<String, List<Instant>> plays = new HashMap<>();

    PlayHistory(ZoneId zone) {
        this.zone = zone;
    }

    void record(String campaignId, Instant start) {
        plays.computeIfAbsent(campaignId, id -> new ArrayList<>()).add(start);
    }

    /** Null when the caps allow a play at the instant; otherwise which cap stops it. */
    Explanation ruleOut(DecisionCampaign campaign, Instant at) {
        List<Instant> placed = plays.getOrDefault(campaign.id().value(), List.of());
        FrequencyCaps caps = campaign.caps();
        // the clock hour keeps its offset, so the hour repeated in autumn is two hours, each with its own cap
        ZonedDateTime hour = at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        LocalDate day = at.atZone(zone).toLocalDate();
        long inHour = placed.stream().filter(play -> play.atZone(zone).truncatedTo(ChronoUnit.HOURS).equals(hour)).count();
        long inDay = placed.stream().filter(play -> play.atZone(zone).toLocalDate().equals(day)).count();
        if (caps.maxPlaysPerHour() != null && inHour >= caps.maxPlaysPerHour()) {
            return new Explanation(Reason.CAP_REACHED, inHour + " plays in the hour from " + hour.toLocalDateTime()
                    + ", the cap is " + caps.maxPlaysPerHour());
        }
        if (caps.maxPlaysPerDay() != null && inDay >= caps.maxPlaysPerDay()) {
            return new Explanation(Reason.CAP_REACHED, inDay + " plays on " + day + ", the cap is "
                    + caps.maxPlaysPerDay());
        }
        if (caps.minMinutesBetweenPlays() != null && !placed.isEmpty()) {
            Instant last = placed.getLast();
            Duration gap = Duration.between(last, at);
            if (gap.compareTo(Duration.ofMinutes(caps.minMinutesBetweenPlays())) < 0) {
                return new Explanation(Reason.SEPARATION, "last played at " + last + ", "
                        + caps.minMinutesBetweenPlays() + " minutes must pass between plays");
            }
        }
        return null;
    }
}
