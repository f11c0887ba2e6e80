package io.playmark.infra.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.playmark.query.audit.ScreenPast;
import io.playmark.query.decisioning.PastPlaylist;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The past of a screen over REST: the audit's answer (the player then, its inputs and their changes) with the
 * timeline decisioning re-resolved from those inputs as they were, side by side in one object.
 */
@Schema(name = "PastScreen")
record PastScreenAnswer(
        @JsonUnwrapped ScreenPast screen,
        @Schema(description = "The timeline re-resolved from the inputs as they were at the moment; absent when "
                + "the player was decommissioned then")
        @JsonInclude(JsonInclude.Include.NON_NULL) PastPlaylist playlist) {
}
