package io.playmark.infra.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file to make from an asset's content, and the ffmpeg options that make it.
 *
 * @param name           the rendition's name, e.g. "video-720p", "thumbnail"
 * @param container      the output's format as the rendition records it ("mp4", "jpeg", "webp"), also its extension
 * @param video          whether the output is a video (with a duration and bit rate) rather than a picture
 * @param inputOptions   what ffmpeg applies to reading the source, e.g. where to start
 * @param outputOptions  what it applies to the output: streams, filters, codecs
 * @param durationMicros how much of the source the output covers, for progress; 0 when it is one picture
 */
record PlannedRendition(String name, String container, String mediaType, boolean video, List<String> inputOptions,
                        List<String> outputOptions, long durationMicros) {

    PlannedRendition {
        inputOptions = List.copyOf(inputOptions);
        outputOptions = List.copyOf(outputOptions);
    }

    /** A picture's codec as ffmpeg's probe names it: JPEG files are "mjpeg", WebP files "webp". */
    String codec() {
        return "jpeg".equals(container) ? "mjpeg" : container;
    }

    String fileName() {
        return name + "." + container;
    }

    /** The whole ffmpeg command line after the executable's own options; only errors are logged, to say why. */
    List<String> arguments(Path source, Path output, int threads) {
        List<String> arguments = new ArrayList<>(List.of("-loglevel", "error"));
        arguments.addAll(inputOptions);
        arguments.addAll(List.of("-i", source.toString()));
        arguments.addAll(outputOptions);
        arguments.addAll(List.of("-threads", Integer.toString(threads), "-y", output.toString()));
        return arguments;
    }
}
