package io.playmark.infra.audit;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.audit.PointInTime;
import io.playmark.kernel.player.PlayerId;
import io.playmark.query.audit.AggregateDiff;
import io.playmark.query.audit.AggregateHistories;
import io.playmark.query.audit.AggregateState;
import io.playmark.query.audit.AggregateStates;
import io.playmark.query.audit.AuditQueryLog;
import io.playmark.query.audit.AuditQueryView;
import io.playmark.query.audit.AuditTrail;
import io.playmark.query.audit.HistoryPage;
import io.playmark.query.audit.PastScreens;
import io.playmark.query.audit.ScreenPast;
import io.playmark.query.decisioning.PastPlaylists;
import io.playmark.query.graphql.KeyConnection;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * The audit trail over REST: an aggregate's history (paged, or streamed whole as NDJSON), its state at a point, what
 * changed between two points, and who asked. AUDITOR and ADMIN only; every question is recorded before it is answered.
 */
@RestController
@RequestMapping(AuditController.PATH)
@Tag(name = "Audit", description = "History, past states and diffs of every aggregate; who asked (AUDITOR, ADMIN)")
class AuditController {

    static final String PATH = "/api/v1/audit";
    static final String AUDITORS = "hasAnyRole('ADMIN', 'AUDITOR')";
    static final String NDJSON = "application/x-ndjson";
    private static final String TYPES = "campaign, asset, asset-collection, player, player-group, playlist, "
            + "schedule-entry or play";

    private final AggregateHistories histories;
    private final AggregateStates states;
    private final AuditQueryLog log;
    private final AuditTrail trail;
    private final JsonMapper json;
    private final PastScreens screens;
    private final PastPlaylists playlists;

    AuditController(AggregateHistories histories, AggregateStates states, AuditQueryLog log, AuditTrail trail,
                    JsonMapper json, PastScreens screens, PastPlaylists playlists) {
        this.playlists = playlists;
        this.histories = histories;
        this.states = states;
        this.log = log;
        this.trail = trail;
        this.json = json;
        this.screens = screens;
    }

    @Schema(name = "AuditQueryPage")
    record QueryPage(@Schema(description = "The queries, newest first") List<AuditQueryView> queries,
                     @Schema(description = "Pass as after for the next (older) page; null when empty") String endCursor,
                     @Schema(description = "Whether there are more") boolean hasNextPage) {
    }

    @GetMapping(value = "/{aggregateType}/{aggregateId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(operationId = "getAggregateHistory", summary = "Read an aggregate's history",
            description = "Its own events in stream order, each with who asked, from where, its correlation and "
                    + "causation ids, and its payload upcast to the current revision. Paged by sequence number: pass "
                    + "a page's endCursor as after. With Accept: " + NDJSON + " the whole history streams, one event "
                    + "a line.")
    @ApiResponse(responseCode = "200", description = "A page of events, or all of them as NDJSON", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HistoryPage.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = io.playmark.query.audit.AuditedEvent.class))})
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    HistoryPage history(@Parameter(description = TYPES) @PathVariable String aggregateType,
                        @PathVariable String aggregateId,
                        @Parameter(description = "The sequence number after which the page starts")
                        @RequestParam(required = false) Long after,
                        @Parameter(description = "How many events, 1 to 1000")
                        @RequestParam(defaultValue = "100") int first) {
        KeyConnection.requireSize(first, 1000);
        trail.record("history", aggregateType, aggregateId, "first=" + first + (after == null ? "" : " after=" + after));
        return histories.page(aggregateType, aggregateId, after == null ? -1 : after, first);
    }

    /** The same operation for NDJSON: written event by event as the store hands them over. */
    @GetMapping(value = "/{aggregateType}/{aggregateId}/events", produces = NDJSON)
    @PreAuthorize(AUDITORS)
    @Operation(hidden = true)
    ResponseEntity<StreamingResponseBody> stream(@PathVariable String aggregateType,
                                                 @PathVariable String aggregateId) {
        trail.record("history", aggregateType, aggregateId, "stream");
        histories.requireExists(aggregateType, aggregateId);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                histories.each(aggregateType, aggregateId, event -> {
                    try {
                        writer.write(json.writeValueAsString(event));
                        writer.write('\n');
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                writer.flush();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    @GetMapping(value = "/{aggregateType}/{aggregateId}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(operationId = "getAggregateState", summary = "Read an aggregate's state at a point",
            description = "Replays the aggregate's own events through the aggregate up to the point: after the event "
                    + "with that sequence number, or after every event recorded up to that instant.")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    AggregateState state(@Parameter(description = TYPES) @PathVariable String aggregateType,
                         @PathVariable String aggregateId,
                         @Parameter(description = "A sequence number or an ISO-8601 instant", required = true)
                         @RequestParam(required = false) String at) {
        PointInTime point = PointInTime.parse("at", at);
        trail.record("state", aggregateType, aggregateId, "at=" + at);
        return states.stateAt(aggregateType, aggregateId, point);
    }

    @GetMapping(value = "/{aggregateType}/{aggregateId}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(operationId = "getAggregateDiff", summary = "Compare an aggregate at two points",
            description = "Which fields changed between the two points, from what to what, and the event (who, when) "
                    + "that last changed each; with the events in between.")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    AggregateDiff diff(@Parameter(description = TYPES) @PathVariable String aggregateType,
                       @PathVariable String aggregateId,
                       @Parameter(description = "The first point: a sequence number or an ISO-8601 instant",
                               required = true) @RequestParam(required = false) String from,
                       @Parameter(description = "The second point: a sequence number or an ISO-8601 instant",
                               required = true) @RequestParam(required = false) String to) {
        PointInTime start = PointInTime.parse("from", from);
        PointInTime end = PointInTime.parse("to", to);
        trail.record("diff", aggregateType, aggregateId, "from=" + from + " to=" + to);
        return states.diff(aggregateType, aggregateId, start, end);
    }

    @GetMapping(value = "/players/{playerId}/playlist", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(operationId = "getPastScreen", summary = "Read what stood behind a screen's playlist at a moment",
            description = "The player as it was then, the aggregates its playlist is made from (its groups, the "
                    + "schedule entries and playlists on it, the campaigns targeting it) and every change to them up "
                    + "to the moment, newest first, with who made it; and `playlist`, its timeline re-resolved by "
                    + "decisioning from every input as it was then (replayed from their events), with the item "
                    + "playing at the moment and how its ad slot was decided. The window is the UTC hour holding "
                    + "the moment unless `from` and `to` are both given (they must hold it; at most 48 hours). "
                    + "What it does not reproduce: docs/audit.md.")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    PastScreenAnswer pastScreen(@PathVariable String playerId,
                                @Parameter(description = "An ISO-8601 instant", required = true)
                                @RequestParam(required = false) String at,
                                @Parameter(description = "The re-resolved window's start, ISO 8601 with offset")
                                @RequestParam(required = false) String from,
                                @Parameter(description = "The re-resolved window's end, ISO 8601 with offset")
                                @RequestParam(required = false) String to){
        PointInTime point = PointInTime.parse("at", at);
        if (point.instant() == null) {
            throw new InvalidValueException("at", "at is an ISO-8601 instant here, such as 2026-12-04T14:00:00Z");
        }
        trail.record("playlist", "player", playerId, "at=" + at
                + (from == null ? "" : " from=" + from) + (to == null ? "" : " to=" + to));
        ScreenPast screen = screens.at(playerId, point.instant());
        return new PastScreenAnswer(screen,
                playlists.at(new PlayerId(playerId), point.instant(), from, to).orElse(null));
    }

    @GetMapping(value = "/queries", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(operationId = "listAuditQueries", summary = "List who asked the audit trail what",
            description = "Newest first; this listing is recorded too.")
    @ProblemAnswers({BAD_REQUEST})
    QueryPage queries(@Parameter(description = "How many, 1 to 100") @RequestParam(defaultValue = "20") int first,
                      @Parameter(description = "A page's endCursor, for the older queries")
                      @RequestParam(required = false) String after) {
        trail.record("audit-queries", null, null, "first=" + first + (after == null ? "" : " after=" + after));
        KeyConnection<AuditQueryView> page = log.page(first, after);
        return new QueryPage(page.edges().stream().map(KeyConnection.Edge::node).toList(),
                page.pageInfo().endCursor(), page.pageInfo().hasNextPage());
    }
}
