package io.playmark.query.campaign;

import io.playmark.kernel.campaign.AdCapacity;
import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Capacity over a window, pure: for each targeted player and each hour of its clock, what the loop playing then
 * holds ({@link AdCapacity#playsPerHour}), what the booked campaigns there ask, and the verdict on the candidate.
 * The loop is that of the highest ranked entry with an occurrence covering the hour's start, as decisioning picks it;
 * nested playlists and items without a duration add no content time.
 */
final class CapacitySweep {

    /** A campaign booked, active or paused, with the players it reaches and the player-hours its goal spreads over. */
    record Booked(String campaignId, PriorityTier tier, boolean preemptible, Flight flight, Dayparts dayparts,
                  Goal goal, Set<PlayerId> players, long playerHours) {
    }

    private CapacitySweep() {
    }

    /**
     * The players are swept in parallel (each on its own: a player's hours depend only on its clock, its entries and
     * the campaigns booked there), and their answers joined in the players' order.
     */
    static AdCapacityReport sweep(ProposedCampaign candidate, long candidatePlayerHours, Instant from, Instant to,
                                  List<TargetedPlayer> players, Map<PlayerId, List<ScheduledPlaylist>> entries,
                                  List<Booked> booked) {
        List<PlayerSweep> swept = players.parallelStream().map(player -> sweep(candidate, candidatePlayerHours, from,
                to, player, entries.getOrDefault(player.id(), List.of()), booked)).toList();
        List<AdCapacityReport.Shortfall> shortfalls = new ArrayList<>();
        int shortfallCount = 0;
        Set<String> displaced = new LinkedHashSet<>();
        List<AdCapacityReport.PlayerAvailability> availability = new ArrayList<>();
        for (PlayerSweep player : swept) {
            shortfallCount += player.shortfallCount();
            player.shortfalls().stream().limit(AdCapacityReport.MAX_SHORTFALLS - shortfalls.size())
                    .forEach(shortfalls::add);
            displaced.addAll(player.displaced());
            availability.add(player.availability());
        }
        return new AdCapacityReport(from, to, shortfalls, shortfallCount, List.copyOf(displaced), availability);
    }

    /** One player's part of the answer: its first shortfalls, how many there are, whom it displaces, its days. */
    private record PlayerSweep(List<AdCapacityReport.Shortfall> shortfalls, int shortfallCount, Set<String> displaced,
                               AdCapacityReport.PlayerAvailability availability) {
    }

    private static PlayerSweep sweep(ProposedCampaign candidate, long candidatePlayerHours, Instant from, Instant to,
                                     TargetedPlayer player, List<ScheduledPlaylist> playing, List<Booked> booked) {
        String self = candidate.campaignId() == null ? null : candidate.campaignId().value();
        List<AdCapacityReport.Shortfall> shortfalls = new ArrayList<>();
        int shortfallCount = 0;
        Set<String> displaced = new LinkedHashSet<>();
        List<Booked> there = booked.stream().filter(b -> b.players().contains(player.id())
                && !b.campaignId().equals(self)).toList();
        Map<LocalDate, Double> perDay = new TreeMap<>();
        for (ZonedDateTime hour : hours(from, to, player.zone())) {
            if (!runs(candidate.flight(), candidate.dayparts(), hour)) {
                continue;
            }
            double supply = supplyAt(playing, hour.toInstant(), player.loopLength());
            List<AdCapacity.Demand> demands = there.stream().filter(b -> runs(b.flight(), b.dayparts(), hour))
                    .map(b -> new AdCapacity.Demand(b.campaignId(), b.tier(),
                            AdCapacity.demand(b.goal(), supply, b.playerHours()), b.preemptible())).toList();
            double asked = AdCapacity.demand(candidate.goal(), supply, candidatePlayerHours);
            AdCapacity.Verdict verdict = AdCapacity.book(supply,
                    new AdCapacity.Demand(Objects.requireNonNullElse(self, ""), candidate.tier(), asked), demands);
            if (!verdict.fits()) {
                shortfallCount++;
                if (shortfalls.size() < AdCapacityReport.MAX_SHORTFALLS) {
                    shortfalls.add(new AdCapacityReport.Shortfall(player.id().value(), player.name(),
                            hour.toInstant(), hour.toLocalDateTime(), asked, verdict.free(), supply));
                }
            }
            displaced.addAll(verdict.displaced());
            perDay.merge(hour.toLocalDate(), verdict.free(), Double::sum);
        }
        List<AdCapacityReport.DayAvailability> days = perDay.entrySet().stream()
                .map(day -> new AdCapacityReport.DayAvailability(day.getKey(), (long) Math.floor(day.getValue())))
                .toList();
        return new PlayerSweep(shortfalls, shortfallCount, displaced, new AdCapacityReport.PlayerAvailability(
                player.id().value(), player.name(), days.stream().mapToLong(AdCapacityReport.DayAvailability::plays)
                .sum(), days));
    }

    /** The player-hours of a flight inside its dayparts on one player's clock: what a plays goal spreads over. */
    static long playerHours(Flight flight, Dayparts dayparts, ZoneId zone) {
        return hours(flight.start(), flight.end(), zone).stream().filter(hour -> runs(flight, dayparts, hour)).count();
    }

    /** The starts of the clock hours in [from, to): whole hours of the player's clock, the first at or after from. */
    static List<ZonedDateTime> hours(Instant from, Instant to, ZoneId zone) {
        List<ZonedDateTime> hours = new ArrayList<>();
        ZonedDateTime hour = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        if (hour.toInstant().isBefore(from)) {
            hour = hour.plusHours(1);
        }
        for (; hour.toInstant().isBefore(to); hour = hour.plusHours(1)) {
            hours.add(hour);
        }
        return hours;
    }

    private static boolean runs(Flight flight, Dayparts dayparts, ZonedDateTime hour) {
        return flight.contains(hour.toInstant()) && dayparts.contains(hour);
    }

    /** What the loop playing at an instant holds in an hour; no entry playing: no ad slots. */
    static double supplyAt(List<ScheduledPlaylist> entries, Instant at, Duration loopLength) {
        for (ScheduledPlaylist entry : entries) {
            for (Occurrence occurrence : entry.occurrences()) {
                if (!occurrence.start().isAfter(at) && occurrence.end().isAfter(at)) {
                    long content = entry.items().stream().filter(item -> item.kind() == PlaylistItem.Kind.ASSET)
                            .mapToLong(item -> Objects.requireNonNullElse(item.durationMillis(), 0L)).sum();
                    return AdCapacity.playsPerHour(entry.adSlots(), Duration.ofMillis(content), loopLength);
                }
            }
        }
        return 0;
    }
}
