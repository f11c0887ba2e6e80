package io.playmark.infra.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs the ffmpeg executable. Its log goes to a file in the caller's scratch folder (a pipe left unread would stall
 * it); its progress, when asked for, comes from {@code -progress pipe:1}. A run that outlasts the timeout, or whose
 * thread is interrupted (a job deleted, a server stopping), is killed.
 */
public class Ffmpeg {

    /** How a run ended: its exit code and what it logged (-1 and a line that says so when stopped at the timeout). */
    public record Result(int exitCode, List<String> log) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path executable;
    private final int threads;
    private final Duration timeout;

    public Ffmpeg(Path executable, int threads, Duration timeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("ffmpeg needs at least one thread, was " + threads);
        }
        this.executable = executable;
        this.threads = threads;
        this.timeout = timeout;
    }

    public Path executable() {
        return executable;
    }

    /** The encoder threads each run may use (ffmpeg's {@code -threads} before an output). */
    public int threads() {
        return threads;
    }

    /** Runs ffmpeg with {@code arguments}, without progress. */
    public Result run(List<String> arguments, Path scratch) throws IOException, InterruptedException {
        return run(arguments, scratch, null);
    }

    /**
     * Runs ffmpeg with {@code arguments}; {@code progress}, if given, hears the output's time in microseconds as
     * ffmpeg reports it.
     */
    public Result run(List<String> arguments, Path scratch, LongConsumer progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin", "-nostats"));
        if (progress != null) {
            command.addAll(List.of("-progress", "pipe:1"));
        }
        command.addAll(arguments);
        Path log = Files.createTempFile(scratch, "ffmpeg-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(log.toFile())
                    .redirectOutput(progress == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE)
                    .start();
            Thread reader = progress == null ? null : Thread.ofVirtual().start(() -> readProgress(process, progress));
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, List.of("ffmpeg did not finish within " + timeout + " and was stopped"));
                }
                if (reader != null) {
                    reader.join();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            return new Result(process.exitValue(), readLog(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<String> readLog(Path log) throws IOException {
        // ffmpeg's log is mostly ASCII; file names and metadata in it may be in any encoding
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    }

    private static void readProgress(Process process, LongConsumer progress) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("out_time_us=")) {
                    parseMicros(line.substring("out_time_us=".length()), progress);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parseMicros(String value, LongConsumer progress) {
        try {
            progress.accept(Long.parseLong(value.strip()));
        } catch (NumberFormatException notYetKnown) {
            // ffmpeg says N/A until the first frame is out
        }
    }
}
