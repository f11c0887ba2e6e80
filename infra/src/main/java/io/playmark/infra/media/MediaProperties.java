package io.playmark.infra.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How media is processed ({@code playmark.media.*}).
 *
 * @param ffmpeg     an ffmpeg executable to use instead of the one that comes with the build; blank: the build's
 * @param threads    encoder threads per ffmpeg run
 * @param preset     x264's speed preset for video renditions and previews
 * @param timeout    the longest one ffmpeg run may take before it is stopped and its rendition recorded as failed
 * @param retries    how often a failed processing job is tried again, with JobRunr's growing back-off
 * @param renditions the player renditions a video, and the JPEG and WebP renditions an image, is made in
 */
@ConfigurationProperties("playmark.media")
public record MediaProperties(String ffmpeg, Integer threads, String preset, Duration timeout, Integer retries,
                              List<RenditionProfile> renditions) {

    private static final Pattern BIT_RATE = Pattern.compile("\\d+[kM]?");

    /**
     * One rendition size.
     *
     * @param name         part of the rendition's name, e.g. "1080p" gives "video-1080p"
     * @param maxHeight    the picture's shorter side at most (its height when landscape), never more than the source's
     * @param videoBitrate the most a video rendition's picture may take, in ffmpeg's notation, e.g. "5M", "2500k"
     * @param audioBitrate its sound's bit rate, e.g. "128k"
     */
    public record RenditionProfile(String name, int maxHeight, String videoBitrate, String audioBitrate) {

        public RenditionProfile {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("a rendition profile's name is 1 to 31 lower-case letters, digits "
                        + "or hyphens, was '" + name + "'");
            }
            if (maxHeight < 16) {
                throw new IllegalArgumentException("rendition profile " + name + ": max-height is at least 16");
            }
            requireBitRate(name, "video-bitrate", videoBitrate);
            requireBitRate(name, "audio-bitrate", audioBitrate);
        }
    }

    public MediaProperties {
        threads = threads == null ? 2 : threads;
        preset = preset == null || preset.isBlank() ? "veryfast" : preset;
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        retries = retries == null ? 4 : retries;
        renditions = renditions == null || renditions.isEmpty()
                ? List.of(new RenditionProfile("1080p", 1080, "5M", "128k"),
                        new RenditionProfile("720p", 720, "2500k", "128k"))
                : List.copyOf(renditions);
        if (threads < 1 || retries < 0) {
            throw new IllegalArgumentException("playmark.media.threads is at least 1 and retries at least 0");
        }
        if (renditions.stream().map(RenditionProfile::name).distinct().count() != renditions.size()) {
            throw new IllegalArgumentException("playmark.media.renditions: every profile needs a name of its own");
        }
    }

    private static void requireBitRate(String profile, String field, String value) {
        if (value == null || !BIT_RATE.matcher(value).matches()) {
            throw new IllegalArgumentException("rendition profile " + profile + ": " + field
                    + " is a number with an optional k or M, e.g. 2500k, was '" + value + "'");
        }
    }
}
