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
    private final Map<String, ZoneId> zones;

    OpenMarks(List<OpenPeriod> open, Map<String, ZoneId> zones) {
        this.open = open;
        this.zones = zones;
    }

    boolean open(String playerId, Instant from, Instant to) {
        return open.stream().anyMatch(period -> (playerId == null || period.playerId().equals(playerId))
                && period.overlaps(from, to));
    }

    boolean open(ReportGroups.Key key) {
        if (key.localFrom() == null) {
            return open(key.playerId(), key.from(), key.to());
        }
        return open.stream().anyMatch(period -> {
            if (key.playerId() != null && !period.playerId().equals(key.playerId())) {
                return false;
            }
            ZoneId zone = zones.getOrDefault(period.playerId(), ZoneOffset.UTC);
            LocalDateTime from = LocalDateTime.ofInstant(period.from(), zone);
            LocalDateTime to = LocalDateTime.ofInstant(period.to(), zone);
            return from.isBefore(key.localTo()) && to.isAfter(key.localFrom())
                    && period.overlaps(key.from(), key.to());
        });
    }
}
