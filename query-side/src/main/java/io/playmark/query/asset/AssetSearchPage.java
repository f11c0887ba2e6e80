package io.playmark.query.asset;

import java.util.List;

/**
 * One page of a library search; {@code cursors} holds the opaque cursor of each item, in the same order.
 * {@code totalCount} and {@code facets} count the whole result, not the page.
 */
public record AssetSearchPage(List<AssetView> items, List<String> cursors, boolean hasNextPage, long totalCount,
                              List<AssetFacet> facets) {
}
