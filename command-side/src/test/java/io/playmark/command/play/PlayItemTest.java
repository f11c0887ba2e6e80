package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.Audience;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.player.PlayerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlayItemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlayerId PLAYER = new PlayerId("0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71");
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final String VALID = """
            {"playId": "3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c", "assetId": "9b1d2c3e-4f5a-4b6c-8d7e-1f2a3b4c5d6e",
             "campaignId": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "startedAt": "2026-12-03T09:15:30.250+01:00",
             "durationMs": 15000, "plannedDurationMs": 15000, "outcome": "COMPLETED",
             "audience": {"impressions": 4, "dwellMs": 5200}}""";

    @Test
    void a_well_formed_play_becomes_its_command_with_the_start_in_utc() {
        RecordPlayCommand command = PlayItem.command(JSON.readTree(VALID), PLAYER, RECEIVED);

        assertThat(command.playId().value()).isEqualTo("3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c");
        assertThat(command.campaignId().value()).isEqualTo("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
        assertThat(command.startedAt()).isEqualTo(Instant.parse("2026-12-03T08:15:30.250Z"));
        assertThat(command.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(command.audience()).isEqualTo(new Audience(4, 5200));
        assertThat(command.receivedAt()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            playId            | "not-a-uuid"                | playId            | must be a UUID
            playId            | "  "                        | playId            | must not be blank
            assetId           | "9b1d"                      | assetId           | must be a UUID
            campaignId        | 42                          | campaignId        | must be a string
            startedAt         | "2026-12-03T09:15:30"       | startedAt         | with an offset
            startedAt         | "yesterday"                 | startedAt         | with an offset
            durationMs        | -1                          | durationMs        | must not be negative
            durationMs        | 1.5                         | durationMs        | whole number
            plannedDurationMs | "15000"                     | plannedDurationMs | whole number
            outcome           | "PLAYED"                    | outcome           | is not one of COMPLETED, INTERRUPTED, FAILED, SKIPPED
            audience          | {"impressions": -3}         | audience.impressions | must not be negative
            audience          | {"dwellMs": 10}             | audience.impressions | is required
            audience          | 7                           | audience          | must be an object
            """)
    void a_malformed_field_is_refused_naming_it(String field, String value, String named, String problem) {
        JsonNode item = JSON.readTree(VALID);
        if (value == null) {
            ((tools.jackson.databind.node.ObjectNode) item).remove(field);
        } else {
            ((tools.jackson.databind.node.ObjectNode) item).set(field, JSON.readTree(value));
        }

        assertThatThrownBy(() -> PlayItem.command(item, PLAYER, RECEIVED))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(named);
                    assertThat(refused.getMessage()).contains(problem);
                });
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"assetId", "startedAt", "durationMs", "plannedDurationMs", "outcome"})
    void a_missing_required_field_is_refused_naming_it(String field) {
        JsonNode item = JSON.readTree(VALID);
        ((tools.jackson.databind.node.ObjectNode) item).remove(field);

        assertThatThrownBy(() -> PlayItem.command(item, PLAYER, RECEIVED))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.getMessage()).contains("is required");
                });
    }

    @Test
    void an_item_that_is_no_object_is_refused() {
        assertThatThrownBy(() -> PlayItem.command(JSON.readTree("[1, 2]"), PLAYER, RECEIVED))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("JSON object");
    }
}
