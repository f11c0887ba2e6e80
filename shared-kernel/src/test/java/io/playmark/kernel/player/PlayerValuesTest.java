package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values a player is made of check themselves. */
class PlayerValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"})
    void iana_region_zones_are_time_zones(String zone) {
        assertThat(TimeZones.of("timeZone", zone).getId()).isEqualTo(zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "Z", "UTC+01:00", "GMT", "Europe/Atlantis", "", "CET "})
    void offsets_abbreviations_and_unknown_names_are_not(String zone) {
        assertThatThrownBy(() -> TimeZones.of("timeZone", zone)).isInstanceOfSatisfying(InvalidValueException.class,
                invalid -> assertThat(invalid.field()).isEqualTo("timeZone"));
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource({"30, true", "300, true", "3600, true", "29, false", "3601, false", "0, false"})
    void a_loop_lasts_from_30_seconds_to_an_hour(int seconds, boolean valid) {
        if (valid) {
            assertThat(LoopLength.ofSeconds(seconds).value()).isEqualTo(Duration.ofSeconds(seconds));
        } else {
            assertThatThrownBy(() -> LoopLength.ofSeconds(seconds)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void a_loop_left_out_is_five_minutes() {
        assertThat(LoopLength.ofSeconds(null).value()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0}×{1} stands {2}")
    @CsvSource({"1920, 1080, LANDSCAPE", "1080, 1920, PORTRAIT", "1080, 1080, SQUARE"})
    void orientation_follows_the_resolution_unless_told(int width, int height, Orientation orientation) {
        assertThat(new PlayerDetails("Screen", new Resolution(width, height), null, null).orientation())
                .isEqualTo(orientation);
        assertThat(new PlayerDetails("Screen", new Resolution(width, height), Orientation.PORTRAIT, null).orientation())
                .isEqualTo(Orientation.PORTRAIT);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"0, 1080", "1920, 0", "16385, 1080", "-1, -1"})
    void a_resolution_is_between_1_and_16384_pixels_each_way(int width, int height) {
        assertThatThrownBy(() -> new Resolution(width, height)).isInstanceOfSatisfying(InvalidValueException.class,
                invalid -> assertThat(invalid.field()).isEqualTo("resolution"));
    }
}
