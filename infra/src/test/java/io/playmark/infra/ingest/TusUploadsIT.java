package io.playmark.infra.ingest;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.RecordingFileImporter;
import io.playmark.infra.support.RecordingFileImporter.Import;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TusUploadsIT extends PlaymarkIntegrationTest {

    private static final String UPLOADS = "/api/v1/uploads";

    @Autowired
    RecordingFileImporter importer;

    @TempDir
    Path work;

    @Test
    void an_upload_cut_off_mid_request_resumes_from_the_servers_offset_and_becomes_an_asset() throws Exception {
        Path image = Pngs.write(work.resolve("poster.png"), 1200, 900, 1);
        long size = Files.size(image);
        TusURLMemoryStore remembered = new TusURLMemoryStore();
        String title = "Poster " + UUID.randomUUID();

        TusUploader first = client(remembered).createUpload(upload(image, title));
        first.setChunkSize(64 * 1024);
        first.setRequestPayloadSize(512 * 1024);
        while (first.getOffset() < 1024 * 1024) {
            first.uploadChunk();
        }
        first.finish();
        long sent = first.getOffset();
        URL uploadUrl = first.getUploadURL();
        cutOffMidRequest(uploadUrl, image, sent, 200 * 1024);

        // a new client, as after a restart, finds the upload by the file's fingerprint and asks the server where it was
        TusUploader second = client(remembered).resumeUpload(upload(image, title));
        long resumedAt = second.getOffset();
        assertThat(resumedAt).as("the offset the server answers on HEAD").isBetween(sent, sent + 200 * 1024)
                .isEqualTo(offsetOf(uploadUrl));
        second.setChunkSize(64 * 1024);
        while (second.uploadChunk() > -1) {
            // until the whole file is sent
        }
        second.finish();

        assertThat(second.getOffset()).isEqualTo(size);
        Import imported = importer.imports().stream().filter(i -> title.equals(i.details().title())).findFirst()
                .orElseThrow();
        assertThat(imported.sha256()).isEqualTo(RecordingFileImporter.sha256(image));
        assertThat(imported.sizeBytes()).isEqualTo(size);
        assertThat(imported.originalName()).isEqualTo("poster.png");
        assertThat(imported.details().folder()).isEqualTo("/campaigns/summer");
        assertThat(imported.details().tags()).containsExactly("summer", "sale");
        assertThat(imported.result()).isNotNull();
        assertThat(head(uploadUrl).status()).as("a finished upload is gone").isEqualTo(404);
    }

    @Test
    void the_completing_patch_names_the_asset_and_the_same_content_again_names_the_same_asset() throws Exception {
        byte[] bytes = Files.readAllBytes(Pngs.write(work.resolve("a.png"), 64, 64, 2));

        PlaymarkApi.Response first = uploadInOneGo(asAdmin(), bytes, "a.png");
        PlaymarkApi.Response again = uploadInOneGo(as(Role.MANAGER), bytes, "a-again.png");

        assertThat(first.status()).isEqualTo(204);
        assertThat(first.headers().firstValue("Upload-Offset")).contains(String.valueOf(bytes.length));
        String assetId = first.headers().firstValue("Playmark-Asset-Id").orElseThrow();
        assertThat(first.headers().firstValue("Playmark-Asset")).contains("/api/v1/assets/" + assetId);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.headers().firstValue("Playmark-Asset-Id")).contains(assetId);
    }

    @Test
    void refused_content_answers_a_problem_on_the_completing_patch_and_terminates_the_upload() throws Exception {
        byte[] program = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        String location = create(asAdmin(), program.length, "setup.png");

        PlaymarkApi.Response refused = patch(asAdmin(), location, 0, program);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:playmark:problem:unsupported-media-type");
        assertThat(refused.body().get("detail").asString()).isNotBlank();
        assertThat(asAdmin().send("HEAD", path(location), null, "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void an_upload_is_terminated_with_delete_and_the_server_describes_itself_on_options() {
        String location = create(asAdmin(), 1000, "big.png");

        PlaymarkApi.Response options = asAdmin().send("OPTIONS", UPLOADS, null);
        PlaymarkApi.Response terminated = asAdmin().send("DELETE", path(location), null, "Tus-Resumable", "1.0.0");

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.headers().firstValue("Tus-Version").orElseThrow()).contains("1.0.0");
        assertThat(options.headers().firstValue("Tus-Extension").orElseThrow()).contains("creation", "termination");
        assertThat(terminated.status()).isEqualTo(204);
        assertThat(asAdmin().send("HEAD", path(location), null, "Tus-Resumable", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void only_admins_and_managers_upload_and_an_upload_belongs_to_its_creator() {
        String location = create(asAdmin(), 1000, "mine.png");

        assertThat(as(Role.ANALYST).send("POST", UPLOADS, null, "Tus-Resumable", "1.0.0", "Upload-Length", "10")
                .status()).isEqualTo(403);
        assertThat(anonymous().send("POST", UPLOADS, null, "Tus-Resumable", "1.0.0", "Upload-Length", "10")
                .status()).isEqualTo(401);
        assertThat(as(Role.MANAGER).send("HEAD", path(location), null, "Tus-Resumable", "1.0.0").status())
                .as("another caller's upload").isEqualTo(404);
    }

    private static TusUpload upload(Path image, String title) throws IOException {
        TusUpload upload = new TusUpload(image.toFile());
        upload.setMetadata(Map.of("filename", "poster.png", "title", title, "folder", "/campaigns/summer",
                "tags", "summer, sale"));
        return upload;
    }

    private PlaymarkApi.Response uploadInOneGo(PlaymarkApi api, byte[] bytes, String name) {
        return patch(api, create(api, bytes.length, name), 0, bytes);
    }

    private static String create(PlaymarkApi api, long length, String fileName) {
        PlaymarkApi.Response created = api.send("POST", UPLOADS, null, "Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(length), "Upload-Metadata", "filename " + base64(fileName));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static PlaymarkApi.Response patch(PlaymarkApi api, String location, long offset, byte[] bytes) {
        return api.sendBytes("PATCH", path(location), bytes, "Tus-Resumable", "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", "application/offset+octet-stream");
    }

    private PlaymarkApi.Response head(URL upload) {
        return asAdmin().send("HEAD", upload.getPath(), null, "Tus-Resumable", "1.0.0");
    }

    private long offsetOf(URL upload) {
        return Long.parseLong(head(upload).headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** A PATCH announcing the rest of the file that sends only some of it, then drops the connection. */
    private void cutOffMidRequest(URL upload, Path file, long offset, int bytesSent)
            throws IOException, InterruptedException {
        byte[] all = Files.readAllBytes(file);
        byte[] part = Arrays.copyOfRange(all, (int) offset, (int) offset + bytesSent);
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload.getPath() + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "X-Api-Key: " + ADMIN_KEY + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset + "\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + (all.length - offset)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
            socket.setSoLinger(true, 0);
        }
        awaitUnlocked(upload);
    }

    /** The server notices the dropped connection, keeps what arrived and releases the upload's lock. */
    private void awaitUnlocked(URL upload) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (head(upload).status() != 204 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private TusClient client(TusURLMemoryStore remembered) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(URI.create("http://localhost:" + port + UPLOADS).toURL());
        client.setHeaders(Map.of("X-Api-Key", ADMIN_KEY));
        client.enableResuming(remembered);
        return client;
    }

    private static String path(String location) {
        return URI.create(location).getPath();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
