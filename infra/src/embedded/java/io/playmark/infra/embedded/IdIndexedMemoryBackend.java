package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** mongo-java-server's memory backend whose collections answer a query that pins {@code _id} by that index. */
final class IdIndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IdIndexedDatabase(databaseName, getCursorRegistry());
    }

    private static final class IdIndexedDatabase extends MemoryDatabase {

        IdIndexedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IdIndexedCollection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class IdIndexedCollection extends MemoryCollection {

        IdIndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /** Called when no index answers the whole query: the {@code _id} index still may (IdPinnedQueries). */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return IdPinnedQueries.answer(getIndexes(), getIdField(), query,
                    byId -> matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                    () -> super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }
    }
}
