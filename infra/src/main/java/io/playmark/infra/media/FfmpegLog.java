package io.playmark.infra.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads ffmpeg's log for the line that says why a run failed, without the server's paths in it. */
final class FfmpegLog {

    /** Lines ffmpeg ends a failure with, which say nothing about its cause. */
    private static final Set<String> TRAILERS = Set.of("Conversion failed!", "Error marking filters as finished",
            "Exiting normally, received signal 15.", "Press [q] to stop, [?] for help",
            "To ignore this, add a trailing '?' to the map.");
    private static final Pattern COMPONENT = Pattern.compile("^\\[[^]]+ @ 0x[0-9a-f]+] ");
    private static final Pattern ERROR = Pattern.compile(
            "(?i)error|invalid|not found|no such|unsupported|unknown|cannot|could not|failed|matches no");

    private FfmpegLog() {
    }

    /**
     * Why a run with {@code input} (and an output, if any, in {@code others}) failed: ffmpeg's verdict on the input if
     * it gave one; otherwise the first line that reports an error, which names the cause before its consequences; the
     * last line otherwise. Paths are cut down to their file names.
     */
    static String reason(List<String> log, Path input, Path... others) {
        List<String> lines = log.stream().map(line -> COMPONENT.matcher(line.strip()).replaceFirst(""))
                .filter(line -> !line.isEmpty() && !TRAILERS.contains(line)).toList();
        String verdict = input + ": ";
        return lines.stream().filter(line -> line.startsWith(verdict)).reduce((first, last) -> last)
                .map(line -> line.substring(verdict.length()))
                .or(() -> lines.stream().filter(line -> ERROR.matcher(line).find()).findFirst())
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast()))
                .map(line -> withoutPaths(line, input, others))
                .orElse("ffmpeg failed without saying why");
    }

    private static String withoutPaths(String line, Path input, Path... others) {
        String result = line.replace(input.toString(), input.getFileName().toString());
        for (Path path : others) {
            result = result.replace(path.toString(), path.getFileName().toString());
        }
        return result;
    }
}
