package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend whose unique indexes compare their keys with {@link IndexKeyDataType}: the same
 * file format and key order, without a Java serialization per comparison.
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
    }

    /** mongo-java-server's name for an index map (H2Database keeps it private; a test checks that they agree). */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }
}
