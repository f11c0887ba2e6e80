package io.playmark.query.audit;

import io.playmark.kernel.audit.PointInTime;
import io.playmark.query.graphql.KeyConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The audit trail over GraphQL, for auditors and admins; every question is recorded before it is answered. */
@Controller
class AuditGraphQlController {

    static final String AUDITORS = "hasAnyRole('ADMIN', 'AUDITOR')";

    private final AggregateHistories histories;
    private final AggregateStates states;
    private final AuditQueryLog log;
    private final AuditTrail trail;
    private final PastScreens screens;

    AuditGraphQlController(AggregateHistories histories, AggregateStates states, AuditQueryLog log, AuditTrail trail,
                           PastScreens screens) {
        this.screens = screens;
        this.histories = histories;
        this.states = states;
        this.log = log;
        this.trail = trail;
    }

    @QueryMapping
    @PreAuthorize(AUDITORS)
    KeyConnection<AuditedEvent> history(@Argument String aggregateType, @Argument String aggregateId,
                                        @Argument int first, @Argument String after) {
        KeyConnection.requireSize(first, 1000);
        String from = KeyConnection.keyOf(after);
        trail.record("history", aggregateType, aggregateId, "first=" + first + (from == null ? "" : " after=" + from));
        long afterSequence = from == null ? -1 : sequenceOf(from);
        HistoryPage page = histories.page(aggregateType, aggregateId, afterSequence, first + 1);
        return KeyConnection.of(page.events(), event -> Long.toString(event.sequenceNumber()), first, from != null);
    }

    @QueryMapping
    @PreAuthorize(AUDITORS)
    AggregateState aggregateState(@Argument String aggregateType, @Argument String aggregateId, @Argument String at) {
        PointInTime point = PointInTime.parse("at", at);
        trail.record("state", aggregateType, aggregateId, "at=" + at);
        return states.stateAt(aggregateType, aggregateId, point);
    }

    @QueryMapping
    @PreAuthorize(AUDITORS)
    AggregateDiff aggregateDiff(@Argument String aggregateType, @Argument String aggregateId, @Argument String from,
                                @Argument String to) {
        PointInTime start = PointInTime.parse("from", from);
        PointInTime end = PointInTime.parse("to", to);
        trail.record("diff", aggregateType, aggregateId, "from=" + from + " to=" + to);
        return states.diff(aggregateType, aggregateId, start, end);
    }

    @QueryMapping
    @PreAuthorize(AUDITORS)
    ScreenPast screenPast(@Argument String playerId, @Argument java.time.Instant at) {
        trail.record("playlist", "player", playerId, "at=" + at);
        return screens.at(playerId, at);
    }

    @QueryMapping
    @PreAuthorize(AUDITORS)
    KeyConnection<AuditQueryView> auditQueries(@Argument int first, @Argument String after) {
        trail.record("audit-queries", null, null, "first=" + first + (after == null ? "" : " after=" + after));
        return log.page(first, after);
    }

    private static long sequenceOf(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new io.playmark.kernel.InvalidValueException("after", "after is not a cursor of this history");
        }
    }
}
