package io.playmark.infra.jobs;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBCreator;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.storage.nosql.mongo.migrations.MongoMigration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * JobRunr's MongoDB storage, with one tolerance: a migration that drops an index that does not exist
 * goes on instead of failing. mongo-java-server accepts non-unique indexes without building them, so
 * JobRunr's migration M007 fails there with IndexNotFound (code 27); on a real MongoDB the index is
 * there and nothing changes.
 */
class IndexTolerantMongoStorageProvider extends MongoDBStorageProvider {

    private static final int INDEX_NOT_FOUND = 27;
    private static final Set<String> DROP_METHODS = Set.of("dropIndexes", "dropIndex");

    IndexTolerantMongoStorageProvider(MongoClient client, String database) {
        super(client, database, null, DatabaseOptions.CREATE);
    }

    @Override
    protected void runMigrations(MongoClient client, String database, String collectionPrefix) {
        MongoDatabase tolerant = tolerant(client.getDatabase(database));
        new MongoDBCreator(client, database, collectionPrefix) {
            @Override
            protected void runMigration(MongoMigration migration) {
                migration.runMigration(tolerant, collectionPrefix);
            }
        }.runMigrations();
    }

    private static MongoDatabase tolerant(MongoDatabase database) {
        return proxy(MongoDatabase.class, (proxy, method, args) -> {
            Object result = invoke(database, method, args);
            return result instanceof MongoCollection<?> collection ? tolerant(collection) : result;
        });
    }

    private static MongoCollection<?> tolerant(MongoCollection<?> collection) {
        return proxy(MongoCollection.class, (proxy, method, args) -> {
            try {
                return invoke(collection, method, args);
            } catch (MongoCommandException e) {
                if (DROP_METHODS.contains(method.getName()) && e.getErrorCode() == INDEX_NOT_FOUND) {
                    return null;
                }
                throw e;
            }
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
