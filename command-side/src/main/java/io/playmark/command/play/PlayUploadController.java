package io.playmark.command.play;

import io.playmark.kernel.player.PlayerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Proof of play: a screen uploads the plays it made, with its own key only (SecurityConfiguration). */
@RestController
@Tag(name = "Players", description = "Screens: provisioning, heartbeats")
class PlayUploadController {

    private static final String BATCH_EXAMPLE = """
            {"plays": [
              {"playId": "3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c", "assetId": "9b1d2c3e-4f5a-4b6c-8d7e-1f2a3b4c5d6e",
               "campaignId": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "startedAt": "2026-12-03T09:15:30.250+01:00",
               "durationMs": 15000, "plannedDurationMs": 15000, "outcome": "COMPLETED",
               "audience": {"impressions": 4, "dwellMs": 5200}},
              {"playId": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b", "assetId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
               "startedAt": "2026-12-03T09:15:45.300+01:00", "durationMs": 0, "plannedDurationMs": 10000,
               "outcome": "FAILED", "error": "decoder: unsupported profile High 4:4:4"}
            ]}""";

    private final PlayIngestion ingestion;

    PlayUploadController(PlayIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /** The upload's body; each play is read on its own, so that a malformed one is refused alone. */
    @Schema(name = "PlayBatch")
    record PlayBatch(@ArraySchema(maxItems = PlayIngestion.MAX_PLAYS, arraySchema = @Schema(description =
            "The plays, at most 1,000; in any order, also days old (a screen's offline backlog)"),
            schema = @Schema(implementation = PlayInput.class)) List<JsonNode> plays) {
    }

    /** One play as a screen reports it; for the API document (the body is read field by field). */
    @Schema(name = "PlayInput")
    record PlayInput(
            @Schema(description = "A UUID the screen chooses for this playback; sending it again is recognised as a "
                    + "duplicate", requiredMode = Schema.RequiredMode.REQUIRED) String playId,
            @Schema(description = "The asset played; an unknown or deleted one is kept and flagged",
                    requiredMode = Schema.RequiredMode.REQUIRED) String assetId,
            @Schema(description = "The campaign it played for; absent for content outside campaigns") String campaignId,
            @Schema(description = "When the play started: ISO 8601 with an offset", example = "2026-12-03T09:15:30.250+01:00",
                    requiredMode = Schema.RequiredMode.REQUIRED) String startedAt,
            @Schema(description = "How long it played, in ms", minimum = "0",
                    requiredMode = Schema.RequiredMode.REQUIRED) long durationMs,
            @Schema(description = "How long it was meant to play, in ms", minimum = "0",
                    requiredMode = Schema.RequiredMode.REQUIRED) long plannedDurationMs,
            @Schema(description = "How it ended", allowableValues = {"COMPLETED", "INTERRUPTED", "FAILED", "SKIPPED"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String outcome,
            @Schema(description = "Why it failed, at most 500 characters") String error,
            @Schema(description = "The audience measured during the play") AudienceInput audience) {
    }

    @Schema(name = "PlayAudience")
    record AudienceInput(@Schema(description = "Estimated viewers", minimum = "0",
                                 requiredMode = Schema.RequiredMode.REQUIRED) long impressions,
                         @Schema(description = "How long they looked, in ms", minimum = "0") long dwellMs) {
    }

    @PostMapping(path = "/api/v1/players/{playerId}/plays", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "uploadPlays", summary = "Upload a screen's plays (proof of play)",
            description = "Only with the player's own key. Each play is recorded exactly once: a play sent again (a "
                    + "retried upload, also after a restart) counts as a duplicate, never twice. Plays may arrive late "
                    + "and out of order; a play older than `playmark.plays.retention` or further ahead than "
                    + "`playmark.plays.clock-skew` is refused, as is a malformed one, each alone with its index and "
                    + "reason, while the others are recorded. The body may be gzip-compressed "
                    + "(`Content-Encoding: gzip`); the size limit applies to it before and after inflating. An upload "
                    + "counts as a heartbeat.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PlayBatch.class),
                    examples = @ExampleObject(name = "plays", summary = "A completed and a failed play",
                            value = BATCH_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Each play's outcome: accepted, duplicate or rejected")
    PlayUpload upload(@PathVariable String playerId, @RequestBody PlayBatch batch) {
        return ingestion.record(new PlayerId(playerId), batch.plays());
    }
}
