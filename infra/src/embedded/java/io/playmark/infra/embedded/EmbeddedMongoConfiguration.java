package io.playmark.infra.embedded;

import com.mongodb.ConnectionString;
import io.playmark.infra.stores.StoreLocation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The embedded MongoDB-compatible server, used when no {@code playmark.mongodb.uri} is configured.
 * The Mongo client's connection details depend on the server bean, so Spring starts the server before
 * any client and stops it only after every user of the client has been destroyed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${playmark.mongodb.uri:}'.isBlank()")
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(@Value("${playmark.data-dir}") Path dataDirectory,
                                            @Value("${playmark.mongodb.embedded.backend}") String backend,
                                            @Value("${playmark.mongodb.embedded.h2-cache-mb}") int h2CacheMegabytes) {
        return EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.valueOf(backend.strip().toUpperCase(Locale.ROOT)),
                dataDirectory, h2CacheMegabytes);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
        ConnectionString connection = new ConnectionString(server.connectionString());
        return () -> connection;
    }

    @Bean
    StoreLocation embeddedMongoLocation(EmbeddedMongoServer server) {
        // the address too, so that a second instance can be pointed at it (README: many instances)
        return new StoreLocation("MongoDB", server.description() + " at " + server.connectionString());
    }
}
