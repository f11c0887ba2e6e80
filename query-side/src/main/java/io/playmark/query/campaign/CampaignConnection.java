package io.playmark.query.campaign;

import java.util.List;

/** The Relay connection GraphQL serves campaign pages as. */
record CampaignConnection(List<Edge> edges, PageInfo pageInfo) {

    record Edge(CampaignView node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static CampaignConnection of(CampaignPage page, boolean hasPreviousPage) {
        List<Edge> edges = new java.util.ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new Edge(page.items().get(i), page.cursors().get(i)));
        }
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new CampaignConnection(edges, new PageInfo(page.hasNextPage(), hasPreviousPage, start, end));
    }
}
