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
import java.util.List;
import java.util.Map;

/**
 * Playmark as a separate operating-system process, from the jar the build packaged, so that a test can kill
 * it as a crash would (no shutdown hooks, no claims released). Its output goes to a file beside the build.
 */
public final class PlaymarkProcess implements AutoCloseable {

    /** The packaged jar: beside the build for the integration tests; benchmarks run elsewhere and say where. */
    private static final Path JAR = Path.of(System.getProperty("playmark.jar", "target/playmark.jar"));

    private final Process process;
    private final int port;
    private final Path log;

    private PlaymarkProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with this environment (PLAYMARK_* variables) and waits until its health is UP. */
    public static PlaymarkProcess start(String name, Map<String, String> environment, Duration startTimeout) {
        return start(name, environment, startTimeout, "1g");
    }

    /** The same, with the heap capped at {@code maxHeap} (a -Xmx value, e.g. "512m"). */
    public static PlaymarkProcess start(String name, Map<String, String> environment, Duration startTimeout,
                                        String maxHeap) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after `package`");
        }
        try {
            int port = freePort();
            Path log = JAR.resolveSibling(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx" + maxHeap, "-jar", JAR.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            PlaymarkProcess started = new PlaymarkProcess(builder.start(), port, log);
            started.awaitHealthy(startTimeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Ends the process at once, as a crash or an out-of-memory kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Playmark process ended at start; see " + log.toAbsolutePath());
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // still starting
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        throw new IllegalStateException("Playmark process not healthy within " + timeout + "; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The process's log lines, for a failing assertion's message. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("(no log: " + e + ")");
        }
    }
}
