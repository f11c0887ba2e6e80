package io.playmark.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of an aggregate's history, in stream order. */
@Schema(name = "AuditHistoryPage")
public record HistoryPage(@Schema(description = "The events, by sequence number") List<AuditedEvent> events,
                          @Schema(description = "Pass as after for the next page; null when the page is empty")
                          Long endCursor,
                          @Schema(description = "Whether more events follow") boolean hasNextPage) {
}
