package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server in this process, speaking the MongoDB wire protocol on a loopback port, so that
 * the same driver code runs against it and against a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** Which backend holds the data. */
    public enum Backend {
        /** A persistent H2 MVStore file under the data directory: the default. */
        H2,
        /** The process's memory: gone at exit; for tests and benchmarks. */
        MEMORY
    }

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;
    private boolean closed;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    public static EmbeddedMongoServer start(Backend backend, Path dataDirectory) {
        MongoBackend store;
        String description;
        if (backend == Backend.H2) {
            Path file = dataDirectory.resolve("mongo").resolve("playmark.mv").toAbsolutePath();
            createDirectories(file.getParent());
            store = new H2Backend(file.toString());
            description = "embedded mongo-java-server, H2 file " + file;
        } else {
            store = new MemoryBackend();
            description = "embedded mongo-java-server, in memory (data is lost at exit)";
        }
        MongoServer server = new MongoServer(store);
        InetSocketAddress address = server.bind();
        log.info("Started {} on {}", description, address);
        return new EmbeddedMongoServer(server, address, description);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public String description() {
        return description;
    }

    /** Stops accepting clients and closes the backend, which flushes the H2 file. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            log.info("Stopped {}", description);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
    }
}
