package io.playmark.query.asset;

import java.util.ArrayList;
import java.util.List;

/** The Relay connection GraphQL serves a library search as, with the whole result's count and facets beside it. */
record AssetConnection(List<Edge> edges, PageInfo pageInfo, long totalCount, List<AssetFacet> facets) {

    record Edge(AssetView node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static AssetConnection of(AssetSearchPage page, boolean hasPreviousPage) {
        List<Edge> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new Edge(page.items().get(i), page.cursors().get(i)));
        }
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new AssetConnection(edges, new PageInfo(page.hasNextPage(), hasPreviousPage, start, end),
                page.totalCount(), page.facets());
    }
}
