package io.playmark.infra.asset;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.Multipart;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads over REST, as curl or an upload form sends them: what is taken, what is refused and why. */
class AssetUploadIT extends PlaymarkIntegrationTest {

    @Test
    void an_upload_becomes_an_asset_and_the_same_content_again_answers_that_asset() throws Exception {
        Path png = TestFiles.uniqueImage("png");
        PlaymarkApi manager = as(Role.MANAGER);

        PlaymarkApi.Response created = manager.post("/api/v1/assets", new Multipart()
                .field("title", "Lobby welcome").field("folder", "/brands/acme").field("tags", "lobby, Welcome")
                .file(png, "welcome.png"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/assets/" + id);
        assertThat(created.body().get("duplicate").asBoolean()).isFalse();
        assertThat(created.body().get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(created.body().get("sizeBytes").asLong()).isEqualTo(Files.size(png));

        PlaymarkApi.Response again = manager.post("/api/v1/assets", new Multipart().file(png, "other-name.png"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(id);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void a_file_name_is_kept_without_its_path_and_with_its_unicode() {
        PlaymarkApi.Response created = asAdmin().post("/api/v1/assets",
                new Multipart().file(TestFiles.uniqueImage("jpg"), "../../étiquette d'été.jpg"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("fileName").asString()).isEqualTo("étiquette d'été.jpg");
    }

    @Test
    void a_renamed_program_is_refused_saying_what_it_is() {
        Path program = TestFiles.program();

        PlaymarkApi.Response refused = asAdmin().post("/api/v1/assets", new Multipart().file(program, "holiday.jpg"));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:playmark:problem:unsupported-media-type");
        assertThat(refused.body().get("detail").asString()).startsWith("'holiday.jpg' is a program (");
    }

    @Test
    void a_page_posing_as_an_image_is_refused() {
        Path page = TestFiles.text("page.html", "<html><head><title>x</title></head><body>hello</body></html>");

        PlaymarkApi.Response refused = asAdmin().post("/api/v1/assets", new Multipart().file(page, "banner.png"));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body().get("detail").asString()).contains("is text/html, which screens do not play");
    }

    @Test
    void a_file_over_the_size_limit_is_refused() {
        Path big = TestFiles.sparse(UPLOAD_LIMIT_BYTES + 1);

        PlaymarkApi.Response refused = asAdmin().post("/api/v1/assets", new Multipart().file(big, "big.mp4"));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:playmark:problem:payload-too-large");
    }

    @Test
    void a_bulk_upload_answers_for_each_file_and_one_refusal_does_not_fail_the_others() {
        Path page = TestFiles.text("bulk-page.html", "<!DOCTYPE html><html><body>not an image</body></html>");
        Path first = TestFiles.uniqueImage("png");
        Path second = TestFiles.uniqueImage("jpg");

        PlaymarkApi.Response answer = as(Role.MANAGER).post("/api/v1/assets/bulk", new Multipart()
                .file(first, "first.png").file(page, "fake.png").file(second, "second.jpg").file(first, "again.png")
                .field("folder", "/bulk"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.body();
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("duplicates").asInt()).isEqualTo(1);
        assertThat(result.get("refused").asInt()).isEqualTo(1);
        JsonNode items = result.get("items");
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("created");
        assertThat(items.get(1).get("outcome").asString()).isEqualTo("refused");
        assertThat(items.get(1).get("problem").get("status").asInt()).isEqualTo(415);
        assertThat(items.get(2).get("outcome").asString()).isEqualTo("created");
        assertThat(items.get(3).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(items.get(3).get("asset").get("id").asString()).isEqualTo(items.get(0).get("asset").get("id").asString());
    }

    @Test
    void only_admins_and_managers_upload() {
        PlaymarkApi.Response refused = as(Role.ANALYST).post("/api/v1/assets",
                new Multipart().file(TestFiles.uniqueImage("png"), "x.png"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void a_request_without_a_file_part_or_not_multipart_is_refused() {
        PlaymarkApi.Response noFile = asAdmin().post("/api/v1/assets", new Multipart().field("title", "x"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body().get("field").asString()).isEqualTo("file");

        PlaymarkApi.Response json = asAdmin().send("POST", "/api/v1/assets", "{}", "Content-Type", "application/json");
        assertThat(json.status()).isEqualTo(415);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
