package io.playmark.query.player;

import io.playmark.kernel.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Relay connection over a list already in name order: the items after the cursor, {@code first} of them. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    record Edge<T>(T node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static <T> Connection<T> page(List<T> ordered, Function<T, NameCursor> cursorOf, int first, String after) {
        if (first < 1 || first > 100) {
            throw new InvalidValueException("first", "first must be between 1 and 100, was " + first);
        }
        NameCursor from = after == null ? null : NameCursor.decode(after);
        List<Edge<T>> edges = new ArrayList<>();
        boolean more = false;
        for (T item : ordered) {
            NameCursor cursor = cursorOf.apply(item);
            if (from != null && cursor.compareTo(from) <= 0) {
                continue;
            }
            if (edges.size() == first) {
                more = true;
                break;
            }
            edges.add(new Edge<>(item, cursor.encode()));
        }
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(edges, new PageInfo(more, from != null, start, end));
    }
}
