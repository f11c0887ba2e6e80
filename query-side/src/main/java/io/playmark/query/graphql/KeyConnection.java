package io.playmark.query.graphql;

import io.playmark.kernel.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection over items in the order of a text key that is unique and sorts as the items do; the cursor is
 * the key, encoded; shared by the features that page so. Its name ends in Connection so that Spring for GraphQL
 * passes it through as it is.
 */
public record KeyConnection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static void requireSize(int first) {
        requireSize(first, 100);
    }

    public static void requireSize(int first, int max) {
        if (first < 1 || first > max) {
            throw new InvalidValueException("first", "first must be between 1 and " + max + ", was " + first);
        }
    }

    /** The key a cursor this API returned stands for; null for no cursor. */
    public static String keyOf(String after) {
        if (after == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidValueException("after", "after is not a cursor this API returned: '" + after + "'");
        }
    }

    /** The page of at most {@code first} of the given items, which come after the cursor already. */
    public static <T> KeyConnection<T> of(List<T> afterCursor, Function<T, String> key, int first, boolean previous) {
        List<Edge<T>> edges = afterCursor.stream().limit(first).map(item -> new Edge<>(item, Base64.getUrlEncoder()
                .withoutPadding().encodeToString(key.apply(item).getBytes(StandardCharsets.UTF_8)))).toList();
        return new KeyConnection<>(edges, new PageInfo(afterCursor.size() > first, previous,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
