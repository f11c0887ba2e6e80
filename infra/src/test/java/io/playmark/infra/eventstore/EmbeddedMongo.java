package io.playmark.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mongo-java-server with its memory backend on a free loopback port, and a client to it: a real server speaking the
 * wire protocol, in-process. Each test takes a fresh database from it. As a JUnit extension
 * ({@link #perTestClass()}) it runs for the test class.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final MongoClient client;

    private EmbeddedMongo(MongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
    }

    static EmbeddedMongo start() {
        quietLogging();
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        return new EmbeddedMongo(server, client);
    }

    /** A server started before a test class's first test and stopped after its last. */
    static PerTestClass perTestClass() {
        return new PerTestClass();
    }

    static final class PerTestClass implements BeforeAllCallback, AfterAllCallback {

        private EmbeddedMongo mongo;

        @Override
        public void beforeAll(ExtensionContext context) {
            mongo = start();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            mongo.close();
        }

        MongoDatabase newDatabase() {
            return mongo.newDatabase();
        }

        String connectionString() {
            return mongo.connectionString();
        }
    }

    MongoClient client() {
        return client;
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    MongoDatabase newDatabase() {
        return client.getDatabase("eventstore" + DATABASES.incrementAndGet());
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }

    /** Plain JUnit tests get Logback's default DEBUG configuration: keep the driver and server quiet. */
    private static void quietLogging() {
        for (String name : new String[]{"org.mongodb", "de.bwaldvogel", "org.axonframework"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
