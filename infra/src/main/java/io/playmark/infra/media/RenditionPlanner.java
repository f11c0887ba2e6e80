package io.playmark.infra.media;

import io.playmark.infra.media.MediaProperties.RenditionProfile;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.Rendition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decides which renditions an asset gets, from what probing found: for every asset a thumbnail and a poster; for a
 * video a short preview clip and an H.264/AAC MP4 per profile; for an image a JPEG and a WebP per profile. A profile
 * taller than the source is left out (nothing is scaled up), except that a source smaller than every profile still
 * gets the smallest one at its own size, so that every video has a rendition a player can decode.
 */
class RenditionPlanner {

    static final int THUMBNAIL_WIDTH = 320;
    static final int PREVIEW_WIDTH = 320;
    static final long PREVIEW_MICROS = 5_000_000;
    /** The share of a video where its poster frame is taken: past a fade-in or a black first frame. */
    private static final double POSTER_AT = 0.1;

    private final List<RenditionProfile> profiles;
    private final String preset;

    RenditionPlanner(List<RenditionProfile> profiles, String preset) {
        this.profiles = profiles.stream().sorted(Comparator.comparingInt(RenditionProfile::maxHeight)).toList();
        this.preset = preset;
    }

    /** Quick ones first (thumbnail, poster, preview), then profiles from the smallest, the first playable soonest. */
    List<PlannedRendition> plan(MediaProbe probe, MediaKind kind) {
        int width = probe.displayWidth();
        int height = probe.displayHeight();
        long durationMicros = kind == MediaKind.VIDEO && probe.durationMillis() != null
                ? probe.durationMillis() * 1000 : 0;
        List<String> seek = durationMicros > 0 ? seek((long) (durationMicros * POSTER_AT)) : List.of();
        List<PlannedRendition> plan = new ArrayList<>();
        plan.add(jpeg(Rendition.THUMBNAIL, seek, PictureSize.within(width, height, Integer.MAX_VALUE, THUMBNAIL_WIDTH)));
        plan.add(jpeg(Rendition.POSTER, seek, new PictureSize(width, height)));
        if (kind == MediaKind.VIDEO) {
            plan.add(preview(width, height, durationMicros));
        }
        for (RenditionProfile profile : applicable(Math.min(width, height))) {
            PictureSize size = PictureSize.within(width, height, profile.maxHeight(), Integer.MAX_VALUE);
            if (kind == MediaKind.VIDEO) {
                plan.add(video(profile, size, durationMicros));
            } else {
                plan.add(jpeg("image-" + profile.name() + "-jpeg", List.of(), size));
                plan.add(webp("image-" + profile.name() + "-webp", size));
            }
        }
        return plan;
    }

    private List<RenditionProfile> applicable(int shortSide) {
        List<RenditionProfile> fitting = profiles.stream().filter(profile -> profile.maxHeight() <= shortSide).toList();
        return fitting.isEmpty() && !profiles.isEmpty() ? List.of(profiles.getFirst()) : fitting;
    }

    private static PlannedRendition jpeg(String name, List<String> seek, PictureSize size) {
        return new PlannedRendition(name, "jpeg", "image/jpeg", false, seek,
                List.of("-map", "0:v:0", "-frames:v", "1", "-vf", size.scaleFilter(), "-pix_fmt", "yuvj420p",
                        "-q:v", "3", "-c:v", "mjpeg", "-f", "image2"), 0);
    }

    private static PlannedRendition webp(String name, PictureSize size) {
        return new PlannedRendition(name, "webp", "image/webp", false, List.of(),
                List.of("-map", "0:v:0", "-frames:v", "1", "-vf", size.scaleFilter(), "-c:v", "libwebp",
                        "-quality", "80", "-f", "webp"), 0);
    }

    /** A few silent seconds from where the poster is taken, or from the start when the video is shorter. */
    private PlannedRendition preview(int width, int height, long durationMicros) {
        long poster = (long) (durationMicros * POSTER_AT);
        long start = durationMicros - poster >= PREVIEW_MICROS ? poster : 0;
        long length = Math.min(PREVIEW_MICROS, durationMicros - start);
        PictureSize size = PictureSize.within(width, height, Integer.MAX_VALUE, PREVIEW_WIDTH);
        List<String> output = new ArrayList<>(List.of("-t", seconds(PREVIEW_MICROS), "-map", "0:v:0", "-an",
                "-vf", size.scaleFilter()));
        output.addAll(h264("28", null));
        return new PlannedRendition(Rendition.PREVIEW, "mp4", "video/mp4", true, start > 0 ? seek(start) : List.of(),
                output, length);
    }

    private PlannedRendition video(RenditionProfile profile, PictureSize size, long durationMicros) {
        List<String> output = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?", "-vf", size.scaleFilter()));
        output.addAll(h264("23", profile.videoBitrate()));
        output.addAll(List.of("-c:a", "aac", "-b:a", profile.audioBitrate(), "-ac", "2"));
        return new PlannedRendition("video-" + profile.name(), "mp4", "video/mp4", true, List.of(), output,
                durationMicros);
    }

    /**
     * H.264 in 4:2:0 (what every player decodes) at a constant quality, capped at {@code maxBitRate} if given, in an
     * MP4 whose index is at the front, so that playback starts before the download ends.
     */
    private List<String> h264(String quality, String maxBitRate) {
        List<String> options = new ArrayList<>(List.of("-c:v", "libx264", "-preset", preset, "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-crf", quality));
        if (maxBitRate != null) {
            options.addAll(List.of("-maxrate", maxBitRate, "-bufsize", maxBitRate));
        }
        options.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
        return options;
    }

    private static List<String> seek(long micros) {
        return List.of("-ss", seconds(micros));
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1_000_000.0);
    }
}
