package io.playmark.query.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Relay connection of definitions or runs; the cursor is the item's id. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    record Edge<T>(T node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** From up to {@code first} + 1 items read: one more than asked means there is a next page. */
    static <T> Connection<T> of(List<T> read, int first, boolean hasPreviousPage, Function<T, String> cursor) {
        List<Edge<T>> edges = new ArrayList<>();
        for (T item : read.subList(0, Math.min(first, read.size()))) {
            edges.add(new Edge<>(item, cursor.apply(item)));
        }
        return new Connection<>(edges, new PageInfo(read.size() > first, hasPreviousPage,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
