package io.playmark.query.decisioning;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Players, loops and campaigns for the decisioning specifications, named rather than spelled out in each test. */
final class DecisioningFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Flight ALL_YEAR = new Flight(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    private DecisioningFixtures() {
    }

    /** A stable UUID per name, so that ids (and so the draws they seed) do not change between runs. */
    static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static TargetedPlayer player(ZoneId zone) {
        return new TargetedPlayer(new PlayerId(id("lobby")), "Lobby", zone, "hd-h264", Orientation.LANDSCAPE,
                Set.of(), null, Duration.ofMinutes(1));
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** A loop of nothing but one one-minute ad slot, so that every minute is a slot. */
    static ScheduledPlaylist adsOnly(Instant from, Instant to) {
        return entry("ads", List.of(), AdSlots.slots(1, Duration.ofMinutes(1)), 0, from, to);
    }

    static ScheduledPlaylist entry(String name, List<PlaylistItem> items, AdSlots adSlots, int priority,
                                   Instant from, Instant to) {
        return new ScheduledPlaylist(id("entry " + name), id("playlist " + name), name, items, false, adSlots,
                priority, false, List.of(new Occurrence(from, to, from.atZone(BERLIN).toLocalDateTime())));
    }

    static PlaylistItem asset(String name, int seconds) {
        return new PlaylistItem(PlaylistItem.Kind.ASSET, id("asset " + name), seconds * 1000L);
    }

    static Daypart daypart(DayOfWeek day, String from, String to) {
        return new Daypart(Set.of(day), LocalTime.parse(from), LocalTime.parse(to));
    }

    static CampaignBuilder campaign(String name) {
        return new CampaignBuilder(name);
    }

    /** An active, all-year, standard campaign with one landscape creative, changed one rule at a time. */
    static final class CampaignBuilder {
        private final String name;
        private CampaignStatus status = CampaignStatus.ACTIVE;
        private Flight flight = ALL_YEAR;
        private Dayparts dayparts = Dayparts.ALWAYS;
        private PriorityTier tier = PriorityTier.STANDARD;
        private List<Creative> creatives;
        private FrequencyCaps caps = FrequencyCaps.NONE;
        private boolean preemptible = true;
        private CompetitiveSeparation separation;
        private Integer shareOfVoice;
        private Double pace;

        private CampaignBuilder(String name) {
            this.name = name;
            this.creatives = List.of(new Creative(id("creative " + name), Orientation.LANDSCAPE, 1));
        }

        CampaignBuilder status(CampaignStatus value) {
            status = value;
            return this;
        }

        CampaignBuilder flight(Flight value) {
            flight = value;
            return this;
        }

        CampaignBuilder dayparts(Daypart... parts) {
            dayparts = new Dayparts(List.of(parts));
            return this;
        }

        CampaignBuilder tier(PriorityTier value) {
            tier = value;
            return this;
        }

        CampaignBuilder creatives(Creative... values) {
            creatives = List.of(values);
            return this;
        }

        CampaignBuilder caps(FrequencyCaps value) {
            caps = value;
            return this;
        }

        CampaignBuilder notPreemptible() {
            preemptible = false;
            return this;
        }

        CampaignBuilder category(String category, int minMinutesApart) {
            separation = new CompetitiveSeparation(category, minMinutesApart);
            return this;
        }

        CampaignBuilder shareOfVoice(int percent) {
            shareOfVoice = percent;
            return this;
        }

        CampaignBuilder pace(double deliveredOverExpected) {
            pace = deliveredOverExpected;
            return this;
        }

        DecisionCampaign build() {
            return new DecisionCampaign(new CampaignId(id(name)), name, status, flight, dayparts, tier, preemptible,
                    creatives, caps, separation, shareOfVoice, pace);
        }
    }
}
