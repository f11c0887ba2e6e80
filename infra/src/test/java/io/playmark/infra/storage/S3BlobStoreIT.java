package io.playmark.infra.storage;

import io.playmark.infra.support.S3ProxyServer;
import io.playmark.kernel.asset.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob store contract on a real S3-compatible server (S3Proxy), each test in a bucket of its own. */
class S3BlobStoreIT extends BlobStoreContract {

    private static S3ProxyServer server;
    private final String bucket = "blobs-" + UUID.randomUUID().toString().substring(0, 8);
    private S3BlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(Files.createTempDirectory("playmark-s3proxy-"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    BlobStore emptyStore(Path work) throws Exception {
        store = new S3BlobStore(client(properties(bucket, "playmark/")), properties(bucket, "playmark/"));
        return store.ensureBucket();
    }

    @Test
    void the_bucket_is_created_when_missing_and_found_when_present() throws Exception {
        String bucket = "created-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3BlobStore first = new S3BlobStore(client(properties(bucket, "")), properties(bucket, ""));
             S3BlobStore second = new S3BlobStore(client(properties(bucket, "")), properties(bucket, ""))) {
            first.ensureBucket();
            second.ensureBucket();
            assertThat(first.find(sha256(new byte[]{1}))).isEmpty();
        }
    }

    @Test
    void keys_follow_the_local_layout_under_the_prefix_and_other_keys_are_not_blobs() throws Exception {
        byte[] bytes = {1, 2, 3};
        Path file = Files.write(Files.createTempFile(work, "blob", ".part"), bytes);
        store.put(sha256(bytes), file, "image/png");
        try (S3Client s3 = client(properties(bucket, "playmark/"))) {
            s3.putObject(request -> request.bucket(bucket).key("playmark/notes.txt"), RequestBody.fromString("x"));
            String hex = sha256(bytes).value();

            List<String> keys = s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                    .map(object -> object.key()).toList();

            assertThat(keys).containsExactlyInAnyOrder("playmark/" + hex.substring(0, 2) + "/" + hex.substring(2, 4)
                    + "/" + hex, "playmark/notes.txt");
        }
        List<BlobStore.Blob> blobs = new ArrayList<>();
        store.forEach(blobs::add);
        assertThat(blobs).extracting(BlobStore.Blob::sha256).containsExactly(sha256(bytes));
    }

    /** Multipart above 6 MB, in S3's smallest parts, so that the contract's large file goes in three parts. */
    private static S3StorageProperties properties(String bucket, String prefix) {
        return new S3StorageProperties(server.endpoint(), "us-east-1", bucket, S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, true, prefix, DataSize.ofMegabytes(6), DataSize.ofMegabytes(5));
    }

    private static S3Client client(S3StorageProperties properties) {
        return StorageConfiguration.s3Client(properties);
    }
}
