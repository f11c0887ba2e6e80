package io.playmark.infra.media;

import io.playmark.kernel.asset.MediaProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Probes a file with ffmpeg: reads its header and decodes its first picture, so that a file whose header looks right
 * but whose data does not decode (a truncated upload) is found out here rather than by a screen.
 */
public class MediaProber {

    /** What probing found: the file's properties, or why it is no media a player could show. */
    public sealed interface Outcome {
    }

    public record Probed(MediaProbe probe) implements Outcome {
    }

    public record Undecodable(String reason) implements Outcome {
    }

    private final Ffmpeg ffmpeg;

    public MediaProber(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** @param timed whether the file is a video, with a duration, frame rate and bit rate; an image has none */
    public Outcome probe(Path file, boolean timed, Path scratch) throws IOException, InterruptedException {
        Ffmpeg.Result result = ffmpeg.run(List.of("-i", file.toString(), "-map", "0:v:0", "-frames:v", "1",
                "-f", "null", "-"), scratch);
        Optional<MediaProbe> probe = ProbeLog.parse(result.log(), timed);
        if (result.succeeded() && probe.isPresent()) {
            return new Probed(probe.get());
        }
        if (probe.isEmpty() && result.log().stream().anyMatch(line -> line.startsWith("Input #0"))) {
            return new Undecodable("the file holds no picture: ffmpeg reads it but finds no video or image stream");
        }
        return new Undecodable("ffmpeg cannot decode the file: " + FfmpegLog.reason(result.log(), file));
    }
}
