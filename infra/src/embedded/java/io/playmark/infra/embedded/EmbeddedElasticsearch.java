package io.playmark.infra.embedded;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.NodeValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Elasticsearch running in this JVM, serving HTTP on 127.0.0.1, for development and tests.
 * Its data lives under the given directory, so a node started again on the same directory finds its indices.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private static final String NAME = "playmark-embedded";
    private static final String NATIVE_LIBS_PATH_PROPERTY = "es.nativelibs.path";
    private static final String VECTOR_LIBRARY_PROPERTY = "org.elasticsearch.nativeaccess.enableVectorLibrary";
    private static final List<Path> LIBRARY_DIRECTORIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"),
            Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/lib/aarch64-linux-gnu"),
            Path.of("/usr/lib64"),
            Path.of("/usr/lib"),
            Path.of("/usr/local/lib"));
    private static final TimeValue RECOVERY_TIMEOUT = TimeValue.timeValueSeconds(60);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private static boolean jvmPrepared;

    private final EmbeddedNode node;
    private final URI httpUri;
    private boolean closed;

    private EmbeddedElasticsearch(EmbeddedNode node, URI httpUri) {
        this.node = node;
        this.httpUri = httpUri;
    }

    /**
     * Starts a node with its data under {@code dataDirectory}, serving HTTP on {@code httpPort} (0 picks a free port).
     * Returns once the node listens and the indices already on disk are searchable.
     */
    public static EmbeddedElasticsearch start(Path dataDirectory, int httpPort) {
        long startNanos = System.nanoTime();
        Path root = dataDirectory.toAbsolutePath().normalize();
        prepareJvm(root);
        Path dataPath = root.resolve("data");
        Settings settings = Settings.builder()
                .put(Environment.PATH_HOME_SETTING.getKey(), root.resolve("home").toString())
                .put(Environment.PATH_DATA_SETTING.getKey(), dataPath.toString())
                .put("cluster.name", NAME)
                .put("node.name", NAME)
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", 0)
                // Free disk space on a developer's machine must not turn indices read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // The heap is shared with the application: the parent breaker must count only Elasticsearch's own usage.
                .put("indices.breaker.total.use_real_memory", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NAME);

        EmbeddedNode node = new EmbeddedNode(environment);
        try {
            node.start();
            awaitShardsRecovered(node);
        } catch (NodeValidationException | RuntimeException e) {
            closeQuietly(node, e); // releases the data directory's lock so a later start can succeed
            throw new IllegalStateException("Embedded Elasticsearch failed to start in " + root, e);
        }
        int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch(node, URI.create("http://127.0.0.1:" + port));
        log.info("Embedded Elasticsearch {} started in {} ms: data {}, {}", Build.current().version(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), dataPath, elasticsearch.httpUri);
        return elasticsearch;
    }

    /** Indices on disk are recovered after the node has started: wait, so that the first search does not fail. */
    private static void awaitShardsRecovered(EmbeddedNode node) {
        ClusterHealthResponse health = node.client().admin().cluster()
                .prepareHealth(RECOVERY_TIMEOUT)
                .setWaitForYellowStatus()
                .setTimeout(RECOVERY_TIMEOUT)
                .get();
        if (health.isTimedOut()) {
            log.warn("Embedded Elasticsearch: shards not all recovered within {}, cluster health is {}",
                    RECOVERY_TIMEOUT, health.getStatus());
        }
    }

    /** The HTTP address, e.g. {@code http://127.0.0.1:9200}. */
    public URI httpUri() {
        return httpUri;
    }

    /** Stops the node and waits until its threads have ended; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            node.close();
            if (!node.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Embedded Elasticsearch did not stop within {} s", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Elasticsearch failed to close", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * JVM-wide setup that Elasticsearch's launcher would do: it must precede the first node, and Elasticsearch
     * reads it only once per JVM, so the first node's directory holds the native library link for all later ones.
     */
    private static synchronized void prepareJvm(Path root) {
        if (jvmPrepared) {
            return;
        }
        // Without native access (zstd) the best_compression codec fails shards; the vector library is not shipped.
        if (System.getProperty(NATIVE_LIBS_PATH_PROPERTY) == null) {
            System.setProperty(NATIVE_LIBS_PATH_PROPERTY, linkNativeLibraries(root.resolve("native")).toString());
        }
        System.setProperty(VECTOR_LIBRARY_PROPERTY, "false");
        // Netty's processor count is set once per JVM, and another Netty (the embedded MongoDB server's) may be first
        System.setProperty("es.set.netty.runtime.available.processors", "false");
        LogConfigurator.configureESLogging();
        jvmPrepared = true;
    }

    private static Path linkNativeLibraries(Path directory) {
        try {
            Files.createDirectories(directory);
            Path link = directory.resolve(System.mapLibraryName("zstd"));
            Files.deleteIfExists(link);
            Optional<Path> zstd = LIBRARY_DIRECTORIES.stream()
                    .map(libraryDirectory -> libraryDirectory.resolve("libzstd.so.1"))
                    .filter(Files::exists)
                    .findFirst();
            if (zstd.isPresent()) {
                Files.createSymbolicLink(link, zstd.get());
            } else {
                log.warn("libzstd.so.1 not found in {}: Elasticsearch runs without native access, "
                        + "and indices using best_compression will fail", LIBRARY_DIRECTORIES);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare native libraries in " + directory, e);
        }
    }

    private static void closeQuietly(EmbeddedNode node, Exception cause) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
