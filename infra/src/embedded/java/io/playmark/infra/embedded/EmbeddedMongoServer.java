package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
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

    /** The H2 page cache unless configured otherwise: room for the indexes of a few million events. */
    public static final int DEFAULT_H2_CACHE_MEGABYTES = 256;

    /**
     * Threads answering the clients' connections. Each connection stays on one thread, which answers its requests in
     * turn: with Netty's default (twice the cores) a short look-up of an upload waits behind a projection's read of a
     * thousand events on another connection of the same thread.
     */
    static final int WORKER_THREADS = 16;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;
    private boolean closed;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    /** Starts on a free loopback port, with the default H2 page cache. */
    public static EmbeddedMongoServer start(Backend backend, Path dataDirectory) {
        return start(backend, dataDirectory, DEFAULT_H2_CACHE_MEGABYTES);
    }

    /**
     * Starts on a free loopback port. {@code h2CacheMegabytes} is the H2 file's page cache: H2's own default of 16 MB
     * no longer holds the event store's unique indexes from a few hundred thousand events on, and every index lookup
     * that misses it reads and decodes a page.
     */
    public static EmbeddedMongoServer start(Backend backend, Path dataDirectory, int h2CacheMegabytes) {
        MongoBackend store;
        String description;
        if (backend == Backend.H2) {
            Path file = dataDirectory.resolve("mongo").resolve("playmark.mv").toAbsolutePath();
            createDirectories(file.getParent());
            int cacheMegabytes = cacheWithinHeap(h2CacheMegabytes);
            store = new IndexKeyH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open());
            description = "embedded mongo-java-server, H2 file %s (page cache %d MB)".formatted(file, cacheMegabytes);
        } else {
            store = new IdIndexedMemoryBackend();
            description = "embedded mongo-java-server, in memory (data is lost at exit)";
        }
        MongoServer server = new MongoServer(store);
        server.bind(new InetSocketAddress("localhost", 0), 1, WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
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

    /** The configured cache, but at most a quarter of the heap: a small container must not spend its heap on pages. */
    private static int cacheWithinHeap(int requestedMegabytes) {
        if (requestedMegabytes < 1) {
            throw new IllegalArgumentException("The H2 page cache must be at least 1 MB, not " + requestedMegabytes);
        }
        long quarterOfHeap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return (int) Math.max(1, Math.min(requestedMegabytes, quarterOfHeap));
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
    }
}
