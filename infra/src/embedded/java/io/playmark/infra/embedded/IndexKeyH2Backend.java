package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend whose unique indexes compare their keys with {@link IndexKeyDataType}: the same
 * file format and key order, without a Java serialization per comparison; and whose collections answer a query that
 * pins {@code _id} by that index ({@link IdPinnedQueries}).
 */
final class IndexKeyH2Backend extends H2Backend {

    private final MVStore store;

    IndexKeyH2Backend(MVStore store) {
        // set before the super constructor, which already opens the databases in the file
        this.store = store;
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexKeyDatabase(databaseName, store, getCursorRegistry());
    }

    private static final class IndexKeyDatabase extends H2Database {

        private final MVStore store;

        IndexKeyDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            // set before the super constructor, which already opens the indexes of the database
            this.store = store;
            super(databaseName, store, cursorRegistry);
        }

        /**
         * Opens the index's map with the faster key type first; H2Database then opens it by name and gets this map,
         * since an MVStore hands out one instance per map.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            store.openMap(indexMapName(getFullCollectionNamespace(collectionName), indexName),
                          new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** The maps H2Database opens for a collection, under its names (a test checks that they agree). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IdIndexedCollection(this, collectionName, options, store.openMap("databases." + namespace),
                                           store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class IdIndexedCollection extends H2Collection {

        IdIndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                            CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /** Called when no index answers the whole query: the {@code _id} index still may. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return IdPinnedQueries.answer(getIndexes(), getIdField(), query,
                    byId -> matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                    () -> super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }
    }

    /** mongo-java-server's name for an index map (H2Database keeps it private; a test checks that they agree). */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }
}
