package io.playmark.kernel.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.player.PlayerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlayValuesTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static RecordPlayCommand withError(String error) {
        return new RecordPlayCommand(new PlayId("3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c"), PlayerId.random(),
                AssetId.random(), null, AT, 0, 10_000, Outcome.FAILED, error, null, AT);
    }

    @Test
    void an_error_is_kept_stripped_up_to_its_limit_and_a_blank_one_is_none() {
        assertThat(withError("  decoder failed \n").error()).isEqualTo("decoder failed");
        assertThat(withError("   ").error()).isNull();
        assertThat(withError("x".repeat(RecordPlayCommand.MAX_ERROR_LENGTH)).error()).hasSize(500);
        assertThatThrownBy(() -> withError("x".repeat(RecordPlayCommand.MAX_ERROR_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        refused -> assertThat(refused.field()).isEqualTo("error"));
    }

    @ParameterizedTest(name = "{0} impressions, {1} ms dwell: refused naming {2}")
    @CsvSource({"-1, 0, audience.impressions", "0, -1, audience.dwellMs"})
    void an_audience_is_never_negative(long impressions, long dwellMs, String field) {
        assertThatThrownBy(() -> new Audience(impressions, dwellMs))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        refused -> assertThat(refused.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"COMPLETED, COMPLETED", "' SKIPPED ', SKIPPED", "INTERRUPTED, INTERRUPTED", "FAILED, FAILED"})
    void an_outcome_is_read_by_its_name(String text, Outcome outcome) {
        assertThat(Outcome.of("outcome", text)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"completed", "PLAYED", "''"})
    void anything_else_is_not_an_outcome(String text) {
        assertThatThrownBy(() -> Outcome.of("outcome", text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_play_id_is_a_uuid_in_its_canonical_form() {
        assertThat(new PlayId("3C2F9A5E-6B1D-4C8E-9F7A-0D1E2F3A4B5C").value())
                .isEqualTo("3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c");
        assertThatThrownBy(() -> new PlayId("play-1")).isInstanceOfSatisfying(InvalidValueException.class,
                refused -> assertThat(refused.field()).isEqualTo("playId"));
    }
}
