package io.playmark.query.report;

import io.playmark.kernel.play.OpenPeriod;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Whether a row's plays may still grow: its window touches an open period (of its player, when it has one). A
 * window in local time is compared in each open player's own zone.
 */
final class OpenMarks {

    private final List<OpenPeriod> open;
    // a raw log asks once per play: its player's periods only, not every player's
    private final Map<String, List<OpenPeriod>> byPlayer;
    private final Map<String, ZoneId> zones;

    OpenMarks(List<OpenPeriod> open, Map<String, ZoneId> zones) {
        this.open = open;
        this.byPlayer = open.stream().collect(java.util.stream.Collectors.groupingBy(OpenPeriod::playerId));
        this.zones = zones;
    }

    private List<OpenPeriod> of(String playerId) {
        return playerId == null ? open : byPlayer.getOrDefault(playerId, List.of());
    }

    boolean open(String playerId, Instant from, Instant to) {
        for (OpenPeriod period : of(playerId)) {
            if (period.overlaps(from, to)) {
                return true;
            }
        }
        return false;
    }

    boolean open(ReportGroups.Key key) {
        if (key.localFrom() == null) {
            return open(key.playerId(), key.from(), key.to());
        }
        return of(key.playerId()).stream().anyMatch(period -> {
            ZoneId zone = zones.getOrDefault(period.playerId(), ZoneOffset.UTC);
            LocalDateTime from = LocalDateTime.ofInstant(period.from(), zone);
            LocalDateTime to = LocalDateTime.ofInstant(period.to(), zone);
            return from.isBefore(key.localTo()) && to.isAfter(key.localFrom())
                    && period.overlaps(key.from(), key.to());
        });
    }
}
