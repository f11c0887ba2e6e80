package io.playmark.infra.asset;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Rendition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Files of assets over HTTP as players fetch them: Range, strong ETags, 304, HEAD, and who may read them. */
class AssetDeliveryIT extends PlaymarkIntegrationTest {

    private static final int SIZE = 100_000;

    @Autowired
    private ApplicationContext playmark;

    private TestAssets assets;
    private TestAssets.Stored content;
    private AssetId id;
    private String path;

    @BeforeEach
    void anAsset() {
        assets = TestAssets.of(playmark);
        content = assets.store(TestAssets.randomBytes(SIZE), "video/mp4");
        id = assets.register("Delivered", "delivered.mp4", "/delivery", Set.of(), content, "video/mp4",
                MediaKind.VIDEO);
        path = "/api/v1/assets/" + id.value();
    }

    @Test
    void a_player_downloads_the_whole_content_with_a_strong_etag_and_revalidation_headers() {
        PlaymarkApi.Download whole = as(Role.PLAYER).download("GET", path + "/content");

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content.bytes());
        assertThat(whole.header("ETag")).isEqualTo("\"" + content.sha256().value() + "\"");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
    }

    @Test
    void a_range_answers_206_with_exactly_those_bytes() {
        PlaymarkApi api = as(Role.PLAYER);

        PlaymarkApi.Download middle = api.download("GET", path + "/content", "Range", "bytes=1000-1999");
        PlaymarkApi.Download resumed = api.download("GET", path + "/content", "Range", "bytes=99000-");
        PlaymarkApi.Download suffix = api.download("GET", path + "/content", "Range", "bytes=-10");
        PlaymarkApi.Download pastTheEnd = api.download("GET", path + "/content", "Range", "bytes=99990-200000");

        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 1000-1999/" + SIZE);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content.bytes(), 1000, 2000));
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(content.bytes(), 99_000, SIZE));
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 99990-99999/" + SIZE);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content.bytes(), SIZE - 10, SIZE));
        assertThat(pastTheEnd.header("Content-Range")).isEqualTo("bytes 99990-99999/" + SIZE);
    }

    @Test
    void a_range_past_the_end_is_416_with_the_size_and_a_problem() {
        PlaymarkApi.Download unsatisfiable = asAdmin().download("GET", path + "/content", "Range",
                "bytes=" + SIZE + "-");

        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + SIZE);
        assertThat(unsatisfiable.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new String(unsatisfiable.body())).contains("urn:playmark:problem:range-not-satisfiable");
    }

    @Test
    void several_ranges_or_a_changed_file_under_if_range_get_the_whole_file() {
        PlaymarkApi api = as(Role.PLAYER);

        PlaymarkApi.Download several = api.download("GET", path + "/content", "Range", "bytes=0-1,5-9");
        PlaymarkApi.Download changed = api.download("GET", path + "/content", "Range", "bytes=0-9",
                "If-Range", "\"" + "0".repeat(64) + "\"");
        PlaymarkApi.Download same = api.download("GET", path + "/content", "Range", "bytes=0-9",
                "If-Range", "\"" + content.sha256().value() + "\"");

        assertThat(several.status()).isEqualTo(200);
        assertThat(several.body()).hasSize(SIZE);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(same.status()).isEqualTo(206);
    }

    @Test
    void if_none_match_with_the_etag_is_304_without_a_body_and_a_new_version_changes_the_etag() {
        String etag = "\"" + content.sha256().value() + "\"";
        PlaymarkApi api = as(Role.PLAYER);

        PlaymarkApi.Download notModified = api.download("GET", path + "/content", "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);

        TestAssets.Stored next = assets.store(TestAssets.randomBytes(5000), "video/mp4");
        assets.uploadVersion(id, "delivered-2.mp4", next, "video/mp4", MediaKind.VIDEO);

        PlaymarkApi.Download changed = api.download("GET", path + "/content", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(next.bytes());
        assertThat(changed.header("ETag")).isEqualTo("\"" + next.sha256().value() + "\"");
    }

    @Test
    void head_answers_the_headers_without_the_body() {
        PlaymarkApi.Download head = as(Role.PLAYER).download("HEAD", path + "/content");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(head.header("ETag")).isEqualTo("\"" + content.sha256().value() + "\"");
    }

    @Test
    void renditions_are_delivered_by_name_and_missing_ones_are_404() {
        byte[] thumbnail = TestAssets.randomBytes(3000);
        byte[] rendition = TestAssets.randomBytes(4000);
        assets.rendition(id, 1, Rendition.THUMBNAIL, thumbnail, "image/jpeg", null, 320, 180);
        assets.rendition(id, 1, "video-720p", rendition, "video/mp4", "h264", 1280, 720);
        PlaymarkApi api = as(Role.PLAYER);

        PlaymarkApi.Download thumb = api.download("GET", path + "/thumbnail");
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.body()).isEqualTo(thumbnail);
        assertThat(thumb.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(api.download("GET", path + "/renditions/video-720p", "Range", "bytes=0-99").body())
                .isEqualTo(Arrays.copyOf(rendition, 100));
        PlaymarkApi.Response noPreview = api.get(path + "/preview");
        assertThat(noPreview.status()).isEqualTo(404);
        assertThat(noPreview.body().get("type").asString()).isEqualTo("urn:playmark:problem:not-found");
    }

    @Test
    void the_view_is_json_for_every_role_and_unknown_or_deleted_assets_are_404() {
        JsonNode view = as(Role.PLAYER).get(path).body();
        assertThat(view.get("sha256").asString()).isEqualTo(content.sha256().value());
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");

        assertThat(anonymous().download("GET", path + "/content").status()).isEqualTo(401);
        assertThat(asAdmin().get("/api/v1/assets/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(asAdmin().get("/api/v1/assets/not-a-uuid/content").status()).isEqualTo(400);

        asAdmin().graphQl("mutation($ids: [ID!]!) { deleteAssets(ids: $ids) { ok } }", "ids", java.util.List.of(id.value()));
        assertThat(asAdmin().download("GET", path + "/content").status()).isEqualTo(404);
    }
}
