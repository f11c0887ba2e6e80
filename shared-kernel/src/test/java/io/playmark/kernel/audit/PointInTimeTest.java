package io.playmark.kernel.audit;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointInTimeTest {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void digits_are_a_sequence_number_and_include_the_events_up_to_it() {
        PointInTime second = PointInTime.parse("at", "1");
        assertThat(second.sequence()).isEqualTo(1L);
        assertThat(second.includes(1, NOON.plusSeconds(999))).isTrue();
        assertThat(second.includes(2, NOON.minusSeconds(999))).isFalse();
    }

    @Test
    void an_instant_includes_the_events_recorded_at_or_before_it() {
        PointInTime noon = PointInTime.parse("at", "2026-12-04T12:00:00Z");
        assertThat(noon.instant()).isEqualTo(NOON);
        assertThat(noon.includes(500, NOON)).isTrue();
        assertThat(noon.includes(0, NOON.plusMillis(1))).isFalse();
    }

    @Test
    void anything_else_is_refused_naming_the_field() {
        assertThatThrownBy(() -> PointInTime.parse("from", "yesterday")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("from").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> PointInTime.parse("to", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PointInTime.parse("at", "99999999999999999999")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PointInTime(1L, NOON)).isInstanceOf(InvalidValueException.class);
    }
}
