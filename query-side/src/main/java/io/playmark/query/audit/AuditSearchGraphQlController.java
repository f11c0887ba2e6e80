package io.playmark.query.audit;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit search over GraphQL, as a Relay connection. AUDITOR and ADMIN. */
@Controller
class AuditSearchGraphQlController {

    private final AuditSearchIndex index;

    AuditSearchGraphQlController(AuditSearchIndex index) {
        this.index = index;
    }

    record AuditSearchConnection(List<Edge> edges, PageInfo pageInfo) {

        record Edge(AuditSearchDocument node, String cursor) {
        }

        record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
        }
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    AuditSearchConnection auditSearch(@Argument String principal, @Argument String eventType,
                                      @Argument String aggregateType, @Argument String aggregateId,
                                      @Argument Instant from, @Argument Instant to, @Argument int first,
                                      @Argument String after) {
        AuditSearchIndex.Page page = index.search(
                new AuditSearchCriteria(principal, eventType, aggregateType, aggregateId, from, to), first, after);
        List<AuditSearchConnection.Edge> edges = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new AuditSearchConnection.Edge(page.items().get(i), page.cursors().get(i)));
        }
        return new AuditSearchConnection(edges, new AuditSearchConnection.PageInfo(page.hasNextPage(),
                after != null, edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
