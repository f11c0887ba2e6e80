package io.playmark.infra.asset.benchmark;

import io.playmark.infra.support.Multipart;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkProcess;
import io.playmark.infra.support.TestFiles;
import io.playmark.infra.support.TestMedia;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media library's figures, on Playmark as users run it (the packaged jar on its embedded default, heap capped at
 * 512 MB): 1. a 2 GB upload's throughput against the disk's own write rate measured just before in the same folder
 * (target ≥ 60 %), with the heap sampled during the upload; 2. the time from uploading a 30 s 1080p clip to its
 * first playable rendition, and to each of the others; 3. thumbnails per second for a bulk upload of 1,000 images,
 * beside ffmpeg's own rate making the same thumbnails one after another in this process. A program, not a test:
 * {@code ./playmark bench-media}.
 */
public final class MediaBenchmark {

    private static final String ADMIN_KEY = "pmk_media-benchmark-admin-key-0123456789";
    private static final double THROUGHPUT_TARGET = 0.60;
    private static final long BIG_UPLOAD_BYTES = 2L << 30;
    private static final Duration CLIP_LENGTH = Duration.ofSeconds(30);
    private static final int IMAGES = 1_000;
    private static final int IMAGES_PER_REQUEST = 50;
    private static final int BASELINE_IMAGES = 20;

    private MediaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Media benchmark, %s: %d cores, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "media-benchmark-");
        boolean passed;
        try (PlaymarkProcess playmark = PlaymarkProcess.start("media-benchmark", Map.of(
                "PLAYMARK_DATA_DIR", directory.resolve("data").toString(), "PLAYMARK_ADMIN_API_KEY", ADMIN_KEY,
                "PLAYMARK_JOBS_DASHBOARD_ENABLED", "false"), Duration.ofMinutes(3), "512m")) {
            PlaymarkApi api = new PlaymarkApi(playmark.port(), ADMIN_KEY);
            passed = bigUpload(api, directory);
            firstRendition(api);
            thumbnails(api, directory);
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
        System.out.println(passed ? "PASS" : "FAIL");
        System.exit(passed ? 0 : 1);
    }

    private static boolean bigUpload(PlaymarkApi api, Path directory) throws Exception {
        System.out.printf("%n1. A %,d MB upload, heap capped at 512 MB%n", BIG_UPLOAD_BYTES >> 20);
        double diskRate = diskWriteRate(directory.resolve("data"), BIG_UPLOAD_BYTES);
        System.out.printf("   disk's own write rate (256 KB writes, then forced to disk): %,.0f MB/s%n", diskRate);
        Path video = paddedVideo(directory.resolve("big.mp4"), BIG_UPLOAD_BYTES);
        HeapSampler heap = HeapSampler.start(api);
        long start = System.nanoTime();
        PlaymarkApi.Response answer = api.post("/api/v1/assets", new Multipart().field("title", "Benchmark 2 GB")
                .file(video, "big.mp4"));
        double seconds = (System.nanoTime() - start) / 1e9;
        HeapSampler.Figures figures = heap.stop();
        Files.delete(video);
        double rate = BIG_UPLOAD_BYTES / 1e6 / seconds;
        double ratio = rate / diskRate;
        boolean passed = answer.status() == 201 && ratio >= THROUGHPUT_TARGET;
        System.out.printf("   upload answered %d in %.1f s: %,.0f MB/s, %.0f %% of the disk's rate (target >= %.0f %%) %s%n",
                answer.status(), seconds, rate, ratio * 100, THROUGHPUT_TARGET * 100, passed ? "PASS" : "FAIL");
        System.out.printf("   heap used during the upload (%d samples): %,d MB before, %,d MB at most, %,d MB at the end%n",
                figures.samples(), figures.before() >> 20, figures.max() >> 20, figures.last() >> 20);
        return passed;
    }

    private static void firstRendition(PlaymarkApi api) {
        System.out.printf("%n2. Upload to playable renditions, a %d s 1080p clip (H.264/AAC, made here with ffmpeg)%n",
                CLIP_LENGTH.toSeconds());
        Path clip = TestMedia.video1080p("benchmark-clip-30s.mp4", CLIP_LENGTH);
        long start = System.nanoTime();
        PlaymarkApi.Response answer = api.post("/api/v1/assets", new Multipart().file(clip, "clip-30s.mp4"));
        String id = answer.body().get("id").asString();
        Map<String, Double> seen = new LinkedHashMap<>();
        Set<String> expected = Set.of("thumbnail", "poster", "preview", "video-720p", "video-1080p");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!seen.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            for (String name : renditions(api, id)) {
                seen.putIfAbsent(name, (System.nanoTime() - start) / 1e9);
            }
            pause(Duration.ofMillis(200));
        }
        seen.forEach((name, seconds) -> System.out.printf("   %-12s after %6.1f s (%.2f × the clip's length)%n", name,
                seconds, seconds / CLIP_LENGTH.toSeconds()));
        seen.entrySet().stream().filter(entry -> entry.getKey().startsWith("video-")).findFirst().ifPresentOrElse(
                first -> System.out.printf("   first playable rendition (%s) after %.1f s%n", first.getKey(),
                        first.getValue()),
                () -> System.out.println("   no playable rendition within 10 minutes"));
    }

    private static void thumbnails(PlaymarkApi api, Path directory) throws Exception {
        System.out.printf("%n3. Thumbnails for a bulk upload of %,d images (640×360 JPEG, %d per request)%n", IMAGES,
                IMAGES_PER_REQUEST);
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            images.add(TestFiles.uniqueImage("jpg", 640, 360));
        }
        double baseline = ffmpegThumbnailRate(images.subList(0, BASELINE_IMAGES), directory);
        long start = System.nanoTime();
        Set<String> pending = new HashSet<>();
        for (int from = 0; from < IMAGES; from += IMAGES_PER_REQUEST) {
            Multipart form = new Multipart().field("folder", "/benchmark/images");
            images.subList(from, Math.min(IMAGES, from + IMAGES_PER_REQUEST)).forEach(image ->
                    form.file(image, image.getFileName().toString()));
            for (JsonNode item : api.post("/api/v1/assets/bulk", form).body().get("items")) {
                pending.add(item.get("asset").get("id").asString());
            }
        }
        double uploaded = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(id -> renditions(api, id).contains("thumbnail"));
            pause(Duration.ofMillis(500));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (IMAGES - pending.size()) / seconds;
        System.out.printf("   uploaded in %.1f s; %,d thumbnails in %.1f s: %.1f per second%n", uploaded,
                IMAGES - pending.size(), seconds, rate);
        System.out.printf("   ffmpeg alone, one thumbnail after another in this process: %.1f per second; Playmark makes "
                + "%.2f × as many per second while also probing each image and making its poster and renditions%n",
                baseline, rate / baseline);
    }

    private static Set<String> renditions(PlaymarkApi api, String id) {
        JsonNode renditions = api.get("/api/v1/assets/" + id).body().path("renditions");
        Set<String> names = new HashSet<>();
        if (renditions.isArray()) {
            renditions.forEach(rendition -> names.add(rendition.get("name").asString()));
        } else {
            renditions.propertyNames().forEach(names::add);
        }
        return names;
    }

    private static double ffmpegThumbnailRate(List<Path> images, Path directory) throws Exception {
        Path out = Files.createDirectories(directory.resolve("baseline"));
        long start = System.nanoTime();
        for (Path image : images) {
            TestMedia.ffmpeg().run(List.of("-loglevel", "error", "-i", image.toString(), "-vf", "scale=320:-2",
                    "-frames:v", "1", "-y", out.resolve(image.getFileName()).toString()), out);
        }
        return images.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double diskWriteRate(Path folder, long bytes) throws IOException {
        Path file = Files.createDirectories(folder).resolve("disk-rate.bin");
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; written += buffer.capacity()) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return bytes / 1e6 / seconds;
    }

    /**
     * A real MP4 (the 2 s test clip, its index at the front) followed by a {@code free} box up to {@code size}: a valid
     * file of any size that ffmpeg probes and transcodes as quickly as the clip.
     */
    private static Path paddedVideo(Path target, long size) throws IOException {
        byte[] clip = Files.readAllBytes(TestMedia.video1080p("benchmark-clip-2s.mp4", Duration.ofSeconds(2)));
        long padding = size - clip.length;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(clip));
            ByteBuffer header = ByteBuffer.allocate(8).putInt((int) padding).put("free".getBytes());
            channel.write(header.flip());
            channel.position(size - 1);
            channel.write(ByteBuffer.wrap(new byte[1]));
        }
        return target;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Samples the application's used heap through its metrics endpoint while an upload runs. */
    private static final class HeapSampler implements Runnable {

        record Figures(int samples, long before, long max, long last) {
        }

        private final PlaymarkApi api;
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private final long before;
        private volatile boolean running = true;
        private int samples;
        private Thread thread;

        private HeapSampler(PlaymarkApi api) {
            this.api = api;
            this.before = used();
        }

        static HeapSampler start(PlaymarkApi api) {
            HeapSampler sampler = new HeapSampler(api);
            sampler.thread = Thread.ofPlatform().daemon().start(sampler);
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                long used = used();
                max.accumulateAndGet(used, Math::max);
                last.set(used);
                samples++;
                pause(Duration.ofMillis(200));
            }
        }

        Figures stop() throws InterruptedException {
            running = false;
            thread.join();
            return new Figures(samples, before, max.get(), last.get());
        }

        private long used() {
            return api.get("/actuator/metrics/jvm.memory.used?tag=area:heap").body().path("measurements").get(0)
                    .get("value").asLong();
        }
    }
}
