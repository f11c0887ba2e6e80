package io.playmark.kernel.campaign;

import io.playmark.kernel.schedule.AdSlots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdCapacityTest {

    @ParameterizedTest(name = "{0} slots of {1}s, or {2} %, after {3}s of content, loop {4}s: {5} plays an hour")
    @CsvSource({
            // count, slot s, share %, content s, loop s, plays per hour
            "2, 15, 0, 90, 300, 60",      // a 120 s pass: 30 passes of 2 slots
            "1, 30, 0, 30, 300, 60",      // a 60 s pass
            "4, 10, 0, 0, 300, 360",      // ads only: 40 s passes
            "0, 0, 20, 240, 300, 12",     // one 60 s slot (20 % of 300 s) after 240 s: 300 s passes
            "0, 0, 50, 0, 120, 60",       // one 60 s slot, nothing else
            "0, 0, 0, 120, 300, 0",       // no ad slots
            "1, 15, 0, 3585, 300, 1",     // an hour-long pass holds one slot
    })
    void supply_is_the_slots_per_pass_times_the_passes_an_hour_holds(int count, int slotSeconds, int share,
                                                                       int contentSeconds, int loopSeconds,
                                                                       double expected) {
        AdSlots slots = count > 0 ? AdSlots.slots(count, Duration.ofSeconds(slotSeconds))
                : share > 0 ? AdSlots.share(share) : AdSlots.none();
        assertThat(AdCapacity.playsPerHour(slots, Duration.ofSeconds(contentSeconds), Duration.ofSeconds(loopSeconds)))
                .isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} {1} over {3} player-hours, {2} plays an hour: asks {4}")
    @CsvSource({
            // goal kind, target, supply per hour, player-hours, demand
            "PLAYS, 7200, 60, 240, 30",            // spread evenly: 7,200 plays over 240 player-hours
            "PLAYS, 100, 60, 0, 0",                // no hour in flight and daypart: nothing asked
            "PLAYS, 1, 60, 3, 0.3333333333",
            "SHARE_OF_VOICE, 25, 60, 240, 15",     // a quarter of the hour's ad plays
            "SHARE_OF_VOICE, 100, 12, 1, 12",
            "IMPRESSIONS, 1000000, 60, 240, 0",    // no audience figure: nothing asked
    })
    void demand_spreads_a_plays_goal_and_takes_a_share_of_the_hour(GoalKind kind, long target, double supply,
                                                                   long playerHours, double expected) {
        assertThat(AdCapacity.demand(new Goal(kind, target), supply, playerHours)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} plays; booked {1}; {2} asks {3}: fits {4}, displaced [{5}]")
    @CsvSource(delimiter = '|', value = {
            // supply | booked (id:tier:plays, …; ! not preemptible) | tier | asks | fits | displaced
            "60       | s1:STANDARD:30                   | STANDARD    | 30   | true  | ",
            "60       | s1:STANDARD:30                   | STANDARD    | 31   | false | ",
            "60       | s1:STANDARD:30,s2:STANDARD:30    | SPONSORSHIP | 40   | true  | s1 s2",
            "60       | s1:STANDARD:10                   | SPONSORSHIP | 40   | true  | ",
            "60       | p1:SPONSORSHIP:50                | SPONSORSHIP | 20   | false | ",
            "60       | p1:SPONSORSHIP:50                | STANDARD    | 10   | true  | ",
            "60       | p1:SPONSORSHIP:50,h1:HOUSE:5     | STANDARD    | 10   | true  | h1",
            "60       | s1:STANDARD:20,h1:HOUSE:30       | SPONSORSHIP | 30   | true  | h1",
            "60       | s1:STANDARD:40,h1:HOUSE:30       | SPONSORSHIP | 30   | true  | s1 h1",
            "60       | h1:HOUSE:60                      | HOUSE       | 1    | false | ",
            // a campaign not preemptible keeps what it asked from better tiers, and is never displaced
            "60       | s1:STANDARD:40!                  | SPONSORSHIP | 30   | false | ",
            "60       | s1:STANDARD:20!,s2:STANDARD:30   | SPONSORSHIP | 30   | true  | s2",
            "0        |                                  | STANDARD    | 1    | false | ",
            "0        |                                  | STANDARD    | 0    | true  | ",
    })
    void a_tier_uses_what_equal_and_better_tiers_leave_and_worse_tiers_give_way(
            double supply, String booked, PriorityTier tier, double asks, boolean fits, String displaced) {
        AdCapacity.Verdict verdict = AdCapacity.book(supply, new AdCapacity.Demand("new", tier, asks), demands(booked));

        assertThat(verdict.fits()).isEqualTo(fits);
        assertThat(verdict.displaced()).containsExactlyElementsOf(displaced == null ? List.of()
                : Arrays.asList(displaced.split(" ")));
        assertThat(verdict.asked()).isEqualTo(asks);
    }

    private static List<AdCapacity.Demand> demands(String booked) {
        List<AdCapacity.Demand> demands = new ArrayList<>();
        if (booked != null) {
            for (String one : booked.split(",")) {
                String[] parts = one.strip().split(":");
                boolean kept = parts[2].endsWith("!");
                demands.add(new AdCapacity.Demand(parts[0], PriorityTier.valueOf(parts[1]),
                        Double.parseDouble(parts[2].replace("!", "")), !kept));
            }
        }
        return demands;
    }
}
