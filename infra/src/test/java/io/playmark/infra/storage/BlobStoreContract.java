package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.BlobStore.Blob;
import io.playmark.kernel.asset.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link BlobStore} does, run against each implementation on real storage. */
abstract class BlobStoreContract {

    /** Larger than the S3 store's multipart threshold in its test, so that a part boundary is crossed. */
    static final int LARGE_BYTES = 12 << 20;

    @TempDir
    Path work;

    private BlobStore store;
    private final Random random = new Random(7);

    /** A store on empty storage of its own. */
    abstract BlobStore emptyStore(Path work) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = emptyStore(work);
    }

    @Test
    void a_stored_file_is_found_with_its_size_and_time_and_the_file_is_consumed() throws Exception {
        byte[] bytes = bytes(1000);
        Path file = file(bytes);
        Instant before = Instant.now().minusSeconds(2);

        store.put(sha256(bytes), file, "image/png");

        assertThat(file).doesNotExist();
        Blob blob = store.find(sha256(bytes)).orElseThrow();
        assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        assertThat(blob.sizeBytes()).isEqualTo(1000);
        assertThat(blob.storedAt()).isBetween(before, Instant.now().plusSeconds(2));
        assertThat(read(sha256(bytes), 0, 1000)).isEqualTo(bytes);
    }

    @Test
    void storing_a_digest_twice_keeps_one_copy_and_consumes_the_second_file() throws Exception {
        byte[] bytes = bytes(5000);
        store.put(sha256(bytes), file(bytes), "video/mp4");
        Path again = file(bytes);

        store.put(sha256(bytes), again, "video/mp4");

        assertThat(again).doesNotExist();
        assertThat(all()).extracting(Blob::sha256).containsExactly(sha256(bytes));
        assertThat(read(sha256(bytes), 0, 5000)).isEqualTo(bytes);
    }

    @Test
    void a_range_reads_exactly_its_bytes() throws Exception {
        byte[] bytes = bytes(10_000);
        store.put(sha256(bytes), file(bytes), "video/mp4");

        assertThat(read(sha256(bytes), 0, 1)).containsExactly(bytes[0]);
        assertThat(read(sha256(bytes), 1234, 4321)).isEqualTo(Arrays.copyOfRange(bytes, 1234, 1234 + 4321));
        assertThat(read(sha256(bytes), 9_990, 10)).isEqualTo(Arrays.copyOfRange(bytes, 9_990, 10_000));
        assertThat(read(sha256(bytes), 500, 0)).isEmpty();
    }

    @Test
    void a_large_file_is_stored_whole() throws Exception {
        byte[] bytes = bytes(LARGE_BYTES);

        store.put(sha256(bytes), file(bytes), "video/mp4");

        assertThat(store.find(sha256(bytes)).orElseThrow().sizeBytes()).isEqualTo(LARGE_BYTES);
        assertThat(read(sha256(bytes), 0, LARGE_BYTES)).isEqualTo(bytes);
        int aroundPartBoundary = (5 << 20) - 100;
        assertThat(read(sha256(bytes), aroundPartBoundary, 200))
                .isEqualTo(Arrays.copyOfRange(bytes, aroundPartBoundary, aroundPartBoundary + 200));
    }

    @Test
    void a_local_file_holds_the_blob() throws Exception {
        byte[] bytes = bytes(3000);
        store.put(sha256(bytes), file(bytes), "image/jpeg");
        Path scratch = work.resolve("scratch");

        Path local = store.localFile(sha256(bytes), scratch);

        assertThat(Files.readAllBytes(local)).isEqualTo(bytes);
        assertThat(store.find(sha256(bytes))).isPresent();
    }

    @Test
    void a_deleted_blob_is_gone() throws Exception {
        byte[] bytes = bytes(100);
        byte[] kept = bytes(200);
        store.put(sha256(bytes), file(bytes), "image/png");
        store.put(sha256(kept), file(kept), "image/png");

        store.delete(sha256(bytes));

        assertThat(store.find(sha256(bytes))).isEmpty();
        assertThat(all()).extracting(Blob::sha256).containsExactly(sha256(kept));
        assertThatThrownBy(() -> read(sha256(bytes), 0, 10)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.localFile(sha256(bytes), work.resolve("scratch")))
                .isInstanceOf(IOException.class);
        store.delete(sha256(bytes));
    }

    @Test
    void an_unknown_digest_is_not_found() throws Exception {
        assertThat(store.find(sha256(bytes(10)))).isEmpty();
        assertThat(all()).isEmpty();
    }

    @Test
    void every_stored_blob_is_listed_once_with_its_size() throws Exception {
        List<Sha256> stored = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            byte[] bytes = bytes(i * 100);
            store.put(sha256(bytes), file(bytes), "image/png");
            stored.add(sha256(bytes));
        }

        List<Blob> listed = all();

        assertThat(listed).extracting(Blob::sha256).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(listed).extracting(Blob::sizeBytes).containsExactlyInAnyOrder(100L, 200L, 300L, 400L, 500L);
    }

    @Test
    void storing_existing_bytes_again_renews_their_age() throws Exception {
        byte[] bytes = bytes(100);
        store.put(sha256(bytes), file(bytes), "image/png");
        Instant first = store.find(sha256(bytes)).orElseThrow().storedAt();
        Thread.sleep(Duration.ofMillis(1100));

        store.put(sha256(bytes), file(bytes), "image/png");

        assertThat(store.find(sha256(bytes)).orElseThrow().storedAt()).isAfter(first);
    }

    private List<Blob> all() throws IOException {
        List<Blob> blobs = new ArrayList<>();
        store.forEach(blobs::add);
        return blobs;
    }

    private byte[] read(Sha256 sha256, long offset, long length) throws IOException {
        try (InputStream in = store.open(sha256, offset, length)) {
            return in.readAllBytes();
        }
    }

    private byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(work, "upload-", ".part"), bytes);
    }

    static Sha256 sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
