package io.playmark.infra.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads ffmpeg's log for the line that says why a run failed, without the server's paths in it. */
final class FfmpegLog {

    /** Lines ffmpeg ends every failure with, which say nothing about the cause. */
    private static final Set<String> TRAILERS = Set.of("Conversion failed!", "Error marking filters as finished",
            "Exiting normally, received signal 15.", "Press [q] to stop, [?] for help",
            "To ignore this, add a trailing '?' to the map.");
    private static final Pattern COMPONENT = Pattern.compile("^\\[[^]]+ @ 0x[0-9a-f]+] ");

    private FfmpegLog() {
    }

    /**
     * The last meaningful line of {@code log}, with {@code paths} (the input and output files) replaced by their
     * roles; lines that name the input come first, since ffmpeg states an unreadable input's cause there.
     */
    static String reason(List<String> log, Path... paths) {
        String fallback = null;
        for (int i = log.size() - 1; i >= 0; i--) {
            String line = COMPONENT.matcher(log.get(i).strip()).replaceFirst("");
            if (line.isEmpty() || TRAILERS.contains(line)) {
                continue;
            }
            if (paths.length > 0 && line.startsWith(paths[0] + ": ")) {
                return line.substring(paths[0].toString().length() + 2);
            }
            if (fallback == null) {
                fallback = withoutPaths(line, paths);
            }
        }
        return fallback == null ? "ffmpeg failed without saying why" : fallback;
    }

    private static String withoutPaths(String line, Path... paths) {
        String result = line;
        for (Path path : paths) {
            result = result.replace(path.toString(), path.getFileName().toString());
        }
        return result;
    }
}
