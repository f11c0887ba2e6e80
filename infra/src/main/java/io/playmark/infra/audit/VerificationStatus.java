package io.playmark.infra.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A verification of the event store as its record stands. */
@Schema(name = "Verification", description = "A check of the event store's hash chains and checkpoints")
public record VerificationStatus(
        @Schema(description = "Its id") String id,
        @Schema(description = "The aggregate's type when one aggregate is verified, else null") String aggregateType,
        @Schema(description = "The aggregate's id when one aggregate is verified, else null (the whole store)")
        String aggregateId,
        @Schema(description = "QUEUED, RUNNING, COMPLETED or FAILED") State status,
        @Schema(description = "Global positions (whole store) or events (one aggregate) checked so far") long checked,
        @Schema(description = "How many there are to check") long total,
        @Schema(description = "Percent done, 0 to 100") int percent,
        @Schema(description = "True once completed without a break") boolean clean,
        @Schema(description = "Events checked against their hash") long chained,
        @Schema(description = "Events written before hashes existed: not checked, not broken") long unchained,
        @Schema(description = "Checkpoints over the global order checked (whole store only)") long checkpoints,
        @Schema(description = "How many breaks were found") long breakCount,
        @Schema(description = "The breaks, in the order found (the first 1,000)") List<Break> breaks,
        @Schema(description = "Who asked for it") String requestedBy,
        @Schema(description = "When it was asked for") Instant requestedAt,
        @Schema(description = "When it finished") Instant finishedAt,
        @Schema(description = "Why it failed, when it did") String failure) {

    public enum State { QUEUED, RUNNING, COMPLETED, FAILED }

    @Schema(name = "VerificationBreak", description = "A place where the store is not as it was written")
    public record Break(
            @Schema(description = "The global position of the event, or the last position of the checkpoint")
            long position,
            @Schema(description = "The event's aggregate; null for a checkpoint or a removed position")
            String aggregateId,
            @Schema(description = "The event's sequence number in its aggregate") Long sequenceNumber,
            @Schema(description = "What does not match") String problem,
            @Schema(description = "The hash that was stored (hex)") String expected,
            @Schema(description = "The hash of what is stored now (hex)") String found) {
    }

    static VerificationStatus of(Document record) {
        State state = State.valueOf(record.getString("status"));
        long checked = number(record, "checked");
        long total = number(record, "total");
        long breakCount = number(record, "breakCount");
        int percent = state == State.COMPLETED ? 100 : total == 0 ? 0 : (int) Math.min(99, checked * 100 / total);
        List<Break> breaks = record.getList("breaks", Document.class, List.of()).stream().map(found -> new Break(
                number(found, "position"), found.getString("aggregateId"),
                found.get("sequenceNumber") == null ? null : number(found, "sequenceNumber"),
                found.getString("problem"), found.getString("expected"), found.getString("found"))).toList();
        return new VerificationStatus(record.getString("_id"), record.getString("aggregateType"),
                record.getString("aggregateId"), state, checked, total, percent,
                state == State.COMPLETED && breakCount == 0, number(record, "chained"), number(record, "unchained"),
                number(record, "checkpoints"), breakCount, breaks, record.getString("requestedBy"),
                instant(record, "requestedAt"), instant(record, "finishedAt"), record.getString("failure"));
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
