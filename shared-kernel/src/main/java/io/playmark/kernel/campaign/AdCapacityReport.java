package io.playmark.kernel.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What capacity planning found for a campaign over [{@code from}, {@code to}).
 *
 * @param shortfalls the player-hours where its demand does not fit what equal and better tiers leave, the first
 *                   {@value #MAX_SHORTFALLS} in player and time order; empty: it fits
 * @param shortfallCount how many player-hours fall short in all
 * @param displaced  the campaigns of worse tiers it would put at risk, by id
 * @param players    per targeted player and local day, the ad plays its tier could get
 */
public record AdCapacityReport(Instant from, Instant to, List<Shortfall> shortfalls, int shortfallCount,
                               List<String> displaced, List<PlayerAvailability> players) {

    public static final int MAX_SHORTFALLS = 20;

    public AdCapacityReport {
        shortfalls = List.copyOf(shortfalls);
        displaced = List.copyOf(displaced);
        players = List.copyOf(players);
    }

    /** One player-hour that cannot hold the campaign's demand: what it asks, what is free, what the loop holds. */
    public record Shortfall(String playerId, String playerName, Instant hour, LocalDateTime localHour, double asked,
                            double free, double supply) {
    }

    /** The plays one player could give the campaign, per local day. */
    public record PlayerAvailability(String playerId, String playerName, long plays, List<DayAvailability> days) {

        public PlayerAvailability {
            days = List.copyOf(days);
        }
    }

    public record DayAvailability(LocalDate date, long plays) {
    }

    public long totalPlays() {
        return players.stream().mapToLong(PlayerAvailability::plays).sum();
    }
}
