package io.playmark.query.play;

import io.playmark.kernel.campaign.GoalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryGoalTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-11T00:00:00Z");

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
            "2026-11-30T00:00:00Z, 0",
            "2026-12-01T00:00:00Z, 0",
            "2026-12-02T00:00:00Z, 100",
            "2026-12-06T00:00:00Z, 500",
            "2026-12-11T00:00:00Z, 1000",
            "2027-01-01T00:00:00Z, 1000"})
    void an_even_delivery_reaches_the_target_in_proportion_to_the_flight_passed(String now, double expected) {
        assertThat(DeliveryGoal.expected(1000, START, END, Instant.parse(now))).isEqualTo(expected);
    }

    @Test
    void pacing_compares_with_the_even_delivery_and_is_unknown_before_the_flight() {
        assertThat(new DeliveryGoal(GoalKind.PLAYS, 1000, 250, 500).pacing()).isEqualTo(0.5);
        assertThat(new DeliveryGoal(GoalKind.PLAYS, 1000, 250, 500).progress()).isEqualTo(0.25);
        assertThat(new DeliveryGoal(GoalKind.PLAYS, 1000, 0, 0).pacing()).isNull();
    }
}
