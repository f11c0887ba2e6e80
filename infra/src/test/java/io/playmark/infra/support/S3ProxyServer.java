package io.playmark.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3-compatible server for tests: S3Proxy on jclouds' in-memory (transient) blob store, which lists
 * keys as S3 does (its filesystem store lists folder markers too), in a child JVM of its own
 * (its Jetty 11 and jclouds cannot share the test class path with Spring Boot's Jetty and Jackson). The build
 * copies its self-contained jar to target/s3proxy; the server listens on a free port and stops with {@link #close}.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "playmark-test";
    public static final String SECRET_KEY = "playmark-test-secret";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private S3ProxyServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the build copies it "
                    + "(maven-dependency-plugin, generate-test-resources); run the tests through Maven");
        }
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        Path properties = Files.writeString(directory.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=unused",
                "jclouds.credential=unused"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, endpoint);
        server.awaitAnswer(directory);
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Any HTTP answer (an anonymous request is refused with 403) means the server is up. */
    private void awaitAnswer(Path directory) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited at start: " + Files.readString(directory.resolve("s3proxy.log")));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not answer within " + START_TIMEOUT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
