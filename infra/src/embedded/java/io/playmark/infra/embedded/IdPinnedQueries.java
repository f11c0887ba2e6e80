package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * mongo-java-server uses an index only for a query on exactly that index's fields: a conditional update such as
 * {@code {_id: key, counted: {$nin: [...]}}} (a rollup counting plays once) scans and matches every document of the
 * collection. Such a query can only match the one document with that {@code _id}, so the collections of
 * {@link IdIndexedMemoryBackend} and {@link IndexKeyH2Backend} fetch that document through the {@code _id} index and
 * match the whole query against it alone, as MongoDB's planner does.
 */
final class IdPinnedQueries {

    private IdPinnedQueries() {
    }

    /** The answer through the {@code _id} index when the query pins it, else by {@code scan}. */
    static <P> QueryResult answer(List<Index<P>> indexes, String idField, Document query,
                                  Function<Iterable<P>, QueryResult> atPositions, Supplier<QueryResult> scan) {
        Iterable<P> byId = candidates(indexes, idField, query);
        return byId == null ? scan.get() : atPositions.apply(byId);
    }

    /**
     * The positions of the documents the query can match when it pins {@code _id} to one plain value; null when it
     * does not (no {@code _id}, an operator, a regular expression, an array or an embedded document).
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, String idField, Document query) {
        Object id = idField == null ? null : query.get(idField);
        if (id == null || id instanceof Document || id instanceof Collection
                || BsonRegularExpression.isRegularExpression(id)) {
            return null;
        }
        Document byId = new Document(idField, id);
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }
}
