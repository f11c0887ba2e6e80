package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.Recurrence;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExclusiveOverlapsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TargetedPlayer LOBBY = new TargetedPlayer(
            new PlayerId("5f0c3c1e-8d6b-4a51-9a0e-3f1d2c4b5a69"), "Lobby", BERLIN, "hd-h264", Orientation.LANDSCAPE,
            Set.of(), null, Duration.ofMinutes(5));
    private static final Instant FROM = Instant.parse("2026-03-23T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(31));

    @ParameterizedTest(name = "{0} for {1} h, {2}, against an exclusive={3} entry from {4}Z for 2 h: {5}")
    @CsvSource(delimiter = '|', value = {
            // new local start (Berlin) | hours | rrule | held exclusive | held start (UTC) | overlap (UTC) or none
            "2026-03-24T08:00 | 2 |                    | true  | 2026-03-24T08:00 | 08:00-09:00",
            "2026-03-24T08:00 | 2 |                    | false | 2026-03-24T08:00 | none",
            "2026-03-24T11:00 | 1 |                    | true  | 2026-03-24T08:00 | none",
            // touching is not overlapping: 09:00–11:00 Berlin is 08:00–10:00Z, the held one ends at 08:00Z
            "2026-03-24T09:00 | 2 |                    | true  | 2026-03-24T06:00 | none",
            // a daily recurrence meets a held one-off on its fourth occurrence, after Berlin's spring change
            "2026-03-26T12:00 | 1 | FREQ=DAILY         | true  | 2026-03-29T10:30 | 10:30-11:00",
            "2026-03-26T12:00 | 1 | FREQ=DAILY;COUNT=3 | true  | 2026-03-29T10:30 | none",
            // beyond the horizon nothing is compared
            "2026-05-01T12:00 | 1 |                    | true  | 2026-05-01T10:00 | none",
    })
    void an_entry_conflicts_where_it_overlaps_an_exclusive_one_on_the_player(
            String start, int hours, String rrule, boolean exclusive, LocalDateTime heldStart, String overlap) {
        Recurrence proposed = new Recurrence(LocalDateTime.parse(start), Duration.ofHours(hours), rrule, Set.of());
        Instant held = heldStart.toInstant(ZoneOffset.UTC);
        ScheduledPlaylist takeover = new ScheduledPlaylist("held-1", "p-1", "Takeover", List.of(), false,
                AdSlots.none(), 500, exclusive, List.of(new Occurrence(held, held.plus(Duration.ofHours(2)), null)));

        List<BrokenRule> found = ExclusiveOverlaps.on(LOBBY, "new-1", proposed, List.of(takeover), FROM, TO);

        if (overlap.equals("none")) {
            assertThat(found).isEmpty();
        } else {
            String day = heldStart.toLocalDate() + "T";
            String[] span = overlap.split("-");
            assertThat(found).singleElement().satisfies(rule -> {
                assertThat(rule.field()).isEqualTo("recurrence");
                assertThat(rule.rule()).isEqualTo("exclusive-conflict");
                assertThat(rule.message()).isEqualTo("overlaps exclusive entry held-1 (Takeover) on player "
                        + LOBBY.id().value() + " (Lobby) from " + day + span[0] + ":00Z to " + day + span[1] + ":00Z");
            });
        }
    }

    @Test
    void an_entry_does_not_conflict_with_itself() {
        Recurrence proposed = Recurrence.once(LocalDateTime.parse("2026-03-24T08:00"), Duration.ofHours(1));
        ScheduledPlaylist itself = new ScheduledPlaylist("same", "p-1", "Takeover", List.of(), false, AdSlots.none(),
                500, true, proposed.between(FROM, TO, BERLIN));

        assertThat(ExclusiveOverlaps.on(LOBBY, "same", proposed, List.of(itself), FROM, TO)).isEmpty();
    }
}
