package io.playmark.command.play;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** The answer to a play upload: how many plays were recorded now, how many were already, and which were refused. */
@Schema(name = "PlayUploadResult")
record PlayUpload(
        @Schema(description = "Plays recorded by this upload") int accepted,
        @Schema(description = "Plays recorded before (a resent play, or the same playId twice in this batch): never "
                + "counted again") int duplicates,
        @Schema(description = "Plays refused, each with its place in the batch and the reason; fix and send them again")
        List<Rejected> rejected) {

    @Schema(name = "RejectedPlay")
    record Rejected(@Schema(description = "The play's index in the batch, from 0") int index,
                    @Schema(description = "The play's id as sent, when it could be read") String playId,
                    @Schema(description = "The field at fault, as a JSON path in the play", example = "startedAt")
                    String field,
                    @Schema(description = "What is wrong", example = "startedAt must be an ISO 8601 date and time "
                            + "with an offset, e.g. 2026-12-03T09:15:30.250+01:00 or …Z, was '2026-12-03T09:15:30'")
                    String problem) {
    }

    /** Counts the outcomes as they are told. */
    static final class Tally {
        private int accepted;
        private int duplicates;
        private final List<Rejected> rejected = new ArrayList<>();

        void accepted(int count) {
            accepted += count;
        }

        void duplicate() {
            duplicates++;
        }

        void rejected(int index, String playId, String field, String problem) {
            rejected.add(new Rejected(index, playId, field, problem));
        }

        PlayUpload result() {
            rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
            return new PlayUpload(accepted, duplicates, List.copyOf(rejected));
        }
    }
}
