package io.playmark.infra.media;

import io.playmark.infra.support.Multipart;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkProcess;
import io.playmark.infra.support.TestMedia;
import io.playmark.kernel.asset.Rendition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playmark killed while it transcodes a video, as a crash or an out-of-memory kill would end it, and started again
 * on the same data: JobRunr finds the job of the dead server, runs it again, the asset gets every rendition, and
 * no blob is left that nothing refers to.
 */
class MediaRestartIT {

    private static final String ADMIN_KEY = "pmk_media-restart-admin-key-0123456789";
    private static final String ASSET = "query($id: ID!) { asset(id: $id) { contentVersion sha256 "
            + "probe { durationMillis } renditions { name sha256 } renditionFailures { name reason } } }";

    @TempDir
    static Path directory;

    @Test
    void a_transcode_cut_short_by_a_kill_is_finished_after_the_restart() throws Exception {
        Path video = TestMedia.video1080p("restart-20s.mp4", Duration.ofSeconds(20));
        String assetId;
        try (PlaymarkProcess first = start("media-restart-1")) {
            PlaymarkApi api = new PlaymarkApi(first.port(), ADMIN_KEY);
            PlaymarkApi.Response created = api.post("/api/v1/assets", new Multipart().file(video, "restart.mp4"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assetId = created.body().get("id").asString();
            JsonNode probed = await(api, assetId, asset -> !asset.get("probe").isNull(), Duration.ofMinutes(2));
            assertThat(probed.get("renditions").size()).as("killed before the renditions were done: %s", probed)
                    .isLessThan(expectedRenditions().size());
            first.kill();
        }

        try (PlaymarkProcess second = start("media-restart-2")) {
            PlaymarkApi api = new PlaymarkApi(second.port(), ADMIN_KEY);
            JsonNode done = await(api, assetId, asset -> names(asset).containsAll(expectedRenditions()),
                    Duration.ofMinutes(5));

            assertThat(done.get("renditionFailures")).isEmpty();
            Set<String> referenced = new HashSet<>();
            referenced.add(done.get("sha256").asString());
            done.get("renditions").forEach(rendition -> referenced.add(rendition.get("sha256").asString()));
            assertThat(blobsOnDisk()).as("every stored blob belongs to the asset").isEqualTo(referenced);
        }
    }

    private static PlaymarkProcess start(String name) {
        return PlaymarkProcess.start(name, Map.of("PLAYMARK_DATA_DIR", directory.resolve("data").toString(),
                "PLAYMARK_ADMIN_API_KEY", ADMIN_KEY, "PLAYMARK_JOBS_DASHBOARD_ENABLED", "false",
                // the dead server's job is taken over after four missed polls
                "JOBRUNR_BACKGROUND_JOB_SERVER_POLL_INTERVAL_IN_SECONDS", "5"), Duration.ofMinutes(2));
    }

    private static Set<String> expectedRenditions() {
        return Set.of("video-720p", Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW);
    }

    private static Set<String> names(JsonNode asset) {
        Set<String> names = new HashSet<>();
        asset.get("renditions").forEach(rendition -> names.add(rendition.get("name").asString()));
        return names;
    }

    private static JsonNode await(PlaymarkApi api, String assetId, Predicate<JsonNode> done, Duration timeout)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        JsonNode asset = null;
        while (Instant.now().isBefore(giveUp)) {
            JsonNode data = api.graphQl(ASSET, "id", assetId).get("data");
            asset = data == null ? null : data.get("asset");
            if (asset != null && !asset.isNull() && done.test(asset)) {
                return asset;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("asset " + assetId + " not as wanted within " + timeout + ": " + asset);
    }

    /** Blobs are stored under their SHA-256 (data-dir/blobs/ab/cd/abcd…). */
    private static Set<String> blobsOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("data").resolve("blobs"))) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f]{64}")).collect(Collectors.toSet());
        }
    }
}
