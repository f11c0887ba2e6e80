package io.playmark.query.audit;

import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;

/** Audit search over REST, and its CSV export. AUDITOR and ADMIN. */
@RestController
@Tag(name = "Audit", description = "History, tamper evidence and search of the event store (AUDITOR and ADMIN)")
class AuditSearchRestController {

    private static final String SEARCH = "/api/v1/audit/search";

    private final AuditSearchIndex index;

    AuditSearchRestController(AuditSearchIndex index) {
        this.index = index;
    }

    @Schema(name = "AuditSearchPage", description = "A page of audit search, in the store's global order")
    record AuditSearchPage(@Schema(description = "The events on this page") List<AuditSearchDocument> items,
                           @Schema(description = "Pass as after for the next page; null on the last page")
                           String nextCursor) {
    }

    @GetMapping(SEARCH)
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(operationId = "searchAuditEvents", summary = "Search events by who, what, which aggregate and when",
            description = "Every criterion is optional and exact; the time range is [from, to). Oldest first, "
                    + "paged by cursor. Example: `?principal=ops-dashboard&eventType=CampaignRenamedEvent"
                    + "&from=2026-12-01T00:00:00Z`.")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ProblemAnswers(BAD_REQUEST)
    AuditSearchPage search(
            @Parameter(description = "Who asked: an API key's name or a token's subject") @RequestParam(required = false)
            String principal,
            @Parameter(description = "The event's type, e.g. CampaignRenamedEvent") @RequestParam(required = false)
            String eventType,
            @Parameter(description = "The aggregate's type, e.g. Campaign") @RequestParam(required = false)
            String aggregateType,
            @Parameter(description = "The aggregate's id") @RequestParam(required = false) String aggregateId,
            @Parameter(description = "From this instant on (ISO-8601)") @RequestParam(required = false) String from,
            @Parameter(description = "Before this instant (ISO-8601)") @RequestParam(required = false) String to,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int first,
            @Parameter(description = "The nextCursor of the page before") @RequestParam(required = false)
            String after) {
        AuditSearchIndex.Page page = index.search(criteria(principal, eventType, aggregateType, aggregateId, from, to),
                first, after);
        return new AuditSearchPage(page.items(), page.hasNextPage() ? page.cursors().getLast() : null);
    }

    @GetMapping(value = SEARCH + "/export.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(operationId = "exportAuditEvents", summary = "Export an audit search as CSV",
            description = "Every event the same criteria find, oldest first, as RFC 4180 CSV with a header row; "
                    + "streamed, however many there are.")
    @ApiResponse(responseCode = "200", description = "The events as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ProblemAnswers(BAD_REQUEST)
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "Who asked") @RequestParam(required = false) String principal,
            @Parameter(description = "The event's type") @RequestParam(required = false) String eventType,
            @Parameter(description = "The aggregate's type") @RequestParam(required = false) String aggregateType,
            @Parameter(description = "The aggregate's id") @RequestParam(required = false) String aggregateId,
            @Parameter(description = "From this instant on (ISO-8601)") @RequestParam(required = false) String from,
            @Parameter(description = "Before this instant (ISO-8601)") @RequestParam(required = false) String to) {
        AuditSearchCriteria criteria = criteria(principal, eventType, aggregateType, aggregateId, from, to);
        StreamingResponseBody body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            AuditSearchCsv.write(index, criteria, writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").body(body);
    }

    private static AuditSearchCriteria criteria(String principal, String eventType, String aggregateType,
                                                String aggregateId, String from, String to) {
        return new AuditSearchCriteria(principal, eventType, aggregateType, aggregateId,
                AuditSearchCriteria.instant("from", from), AuditSearchCriteria.instant("to", to));
    }
}
