package io.playmark.infra.support;

import io.playmark.infra.media.Ffmpeg;
import io.playmark.infra.media.FfmpegBinary;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Real media for tests, made once per JVM with the build's own ffmpeg from its {@code lavfi} sources (a moving test
 * pattern, a sine tone), each file on first use, into one temporary folder. Nothing binary is committed. The sizes
 * and lengths below are what each file is made with, for tests to compare probes against.
 */
public final class TestMedia {

    public static final int FULL_HD_WIDTH = 1920;
    public static final int FULL_HD_HEIGHT = 1080;
    public static final int SMALL_WIDTH = 640;
    public static final int SMALL_HEIGHT = 360;
    public static final int IMAGE_WIDTH = 1280;
    public static final int IMAGE_HEIGHT = 720;
    /** Every video lasts this long, at {@link #FRAME_RATE} frames a second. */
    public static final Duration VIDEO_LENGTH = Duration.ofSeconds(2);
    public static final int FRAME_RATE = 25;

    private static final Path TOOLS = Path.of("target", "test-tools");
    private static Path directory;
    private static Ffmpeg ffmpeg;

    private TestMedia() {
    }

    /** The build's ffmpeg, extracted under target/ once and reused by later runs. */
    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            try {
                ffmpeg = new Ffmpeg(FfmpegBinary.installIn(TOOLS.toAbsolutePath()), 2, Duration.ofMinutes(5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ffmpeg;
    }

    /** MP4, H.264 and AAC, 1920×1080, as long as asked (benchmarks); made once per name. */
    public static Path video1080p(String name, Duration length) {
        return file(name, List.of("-f", "lavfi", "-i", picture(FULL_HD_WIDTH, FULL_HD_HEIGHT, FRAME_RATE),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Long.toString(length.toSeconds()),
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"));
    }

    /** MP4, H.264 and AAC, 1920×1080. */
    public static Path video1080p() {
        return video("full-hd.mp4", FULL_HD_WIDTH, FULL_HD_HEIGHT, List.of("-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /** WebM, VP9 and Opus, 640×360. */
    public static Path webmVp9() {
        return video("vp9.webm", SMALL_WIDTH, SMALL_HEIGHT, List.of("-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus"));
    }

    /** QuickTime MOV, H.264 and AAC, 640×360. */
    public static Path mov() {
        return video("quicktime.mov", SMALL_WIDTH, SMALL_HEIGHT, List.of("-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mov"));
    }

    /** MP4 with HEVC (H.265), which many players cannot decode, and AAC; 640×360. */
    public static Path hevcMp4() {
        return video("hevc.mp4", SMALL_WIDTH, SMALL_HEIGHT, List.of("-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /**
     * A phone's portrait video: a 640×360 picture stored sideways with a {@code rotate} tag of 90 (turn clockwise),
     * so it shows as 360×640. ffmpeg 4.4 writes the tag only when copying streams, and stores the opposite of the
     * value it is given, hence a copy with 270.
     */
    public static Path rotatedPhoneVideo() {
        Path upright = video("phone-upright.mp4", SMALL_WIDTH, SMALL_HEIGHT, List.of("-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        return file("phone.mp4", List.of("-i", upright.toString(), "-map", "0", "-c", "copy",
                "-metadata:s:v:0", "rotate=270"));
    }

    /** A silent video: MP4, H.264, 640×360, no audio stream. */
    public static Path silentVideo() {
        return file("silent.mp4", List.of("-f", "lavfi", "-i", picture(SMALL_WIDTH, SMALL_HEIGHT, FRAME_RATE),
                "-t", seconds(), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    }

    /** JPEG, 1280×720. */
    public static Path jpeg() {
        return image("picture.jpg", IMAGE_WIDTH, IMAGE_HEIGHT, List.of("-q:v", "3"));
    }

    /** PNG, 640×360. */
    public static Path png() {
        return image("picture.png", SMALL_WIDTH, SMALL_HEIGHT, List.of());
    }

    /** WebP, 640×360. */
    public static Path webp() {
        return image("picture.webp", SMALL_WIDTH, SMALL_HEIGHT, List.of("-c:v", "libwebp"));
    }

    /** An animated GIF, 320×180, ten frames. */
    public static Path gif() {
        return file("animation.gif", List.of("-f", "lavfi", "-i", picture(320, 180, 10), "-frames:v", "10"));
    }

    /** Random bytes: no format at all. */
    public static synchronized Path corrupt() {
        Path target = folder().resolve("corrupt.mp4");
        if (!Files.exists(target)) {
            byte[] noise = new byte[64 * 1024];
            new Random(20261201).nextBytes(noise);
            write(target, noise);
        }
        return target;
    }

    /** The first 16 KB of an MP4 whose index (written last) is cut off: an upload broken off half-way. */
    public static synchronized Path truncatedMp4() {
        Path target = folder().resolve("truncated.mp4");
        if (!Files.exists(target)) {
            try {
                write(target, Arrays.copyOf(Files.readAllBytes(video1080p()), 16 * 1024));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    private static Path video(String name, int width, int height, List<String> codecs) {
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", picture(width, height, FRAME_RATE),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", seconds()));
        arguments.addAll(codecs);
        return file(name, arguments);
    }

    private static Path image(String name, int width, int height, List<String> codec) {
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", picture(width, height, 1),
                "-frames:v", "1"));
        arguments.addAll(codec);
        return file(name, arguments);
    }

    private static String picture(int width, int height, int rate) {
        return "testsrc2=size=" + width + "x" + height + ":rate=" + rate;
    }

    private static String seconds() {
        return Long.toString(VIDEO_LENGTH.toSeconds());
    }

    /** Makes {@code name} with ffmpeg unless it is there: written under a temporary name, then renamed. */
    private static synchronized Path file(String name, List<String> arguments) {
        Path target = folder().resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        Path partial = folder().resolve("partial-" + name);
        List<String> command = new ArrayList<>(List.of("-loglevel", "error"));
        command.addAll(arguments);
        command.addAll(List.of("-y", partial.toString()));
        try {
            Ffmpeg.Result result = ffmpeg().run(command, folder());
            if (!result.succeeded()) {
                throw new IllegalStateException("ffmpeg could not make test media " + name + ": "
                        + String.join("\n", result.log()));
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making test media " + name, e);
        }
        return target;
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Path partial = Files.write(folder().resolve("partial-" + target.getFileName()), bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path folder() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("playmark-test-media-");
                Path made = directory;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(made.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
