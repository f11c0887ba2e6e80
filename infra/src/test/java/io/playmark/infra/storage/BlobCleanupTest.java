package io.playmark.infra.storage;

import io.playmark.kernel.asset.Sha256;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BlobCleanupTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);

    @TempDir
    Path root;

    @Test
    void only_old_blobs_that_no_asset_refers_to_are_deleted() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root.resolve("blobs"));
        Sha256 youngUnreferenced = stored(store, "young", NOW.minus(GRACE).plusSeconds(60));
        Sha256 oldUnreferenced = stored(store, "old", NOW.minus(GRACE).minusSeconds(60));
        Sha256 oldReferenced = stored(store, "referenced", NOW.minus(Duration.ofDays(30)));
        Set<Sha256> referenced = Set.of(oldReferenced);
        BlobCleanup cleanup = new BlobCleanup(store, referenced::contains, GRACE, Clock.fixed(NOW, ZoneOffset.UTC));
        Job job = new Job(new JobDetails(BlobCleanup.class.getName(), null, "run", List.of()));

        BlobCleanup.Result result = cleanup.run(new JobContext(job) {
        });

        assertThat(remaining(store)).containsExactlyInAnyOrder(youngUnreferenced, oldReferenced);
        assertThat(result).isEqualTo(new BlobCleanup.Result(3, 1, 1, 1));
        JobDashboardProgressBar progress = JobDashboardProgressBar.get(job);
        assertThat(progress.getTotalAmount()).isEqualTo(3);
        assertThat(progress.getProgressAsPercentage()).isEqualTo(100);
    }

    @Test
    void a_blob_stored_again_since_it_was_listed_is_kept() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root.resolve("blobs"));
        Sha256 old = stored(store, "old", NOW.minus(Duration.ofDays(2)));
        byte[] sameBytes = "old".getBytes();
        // the real clock: the blob stored again is younger than the grace period measured from now
        BlobCleanup cleanup = new BlobCleanup(store, sha256 -> {
            try {
                store.put(sha256, Files.write(root.resolve("again"), sameBytes), "image/png");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return false;
        }, GRACE, Clock.systemUTC());

        BlobCleanup.Result result = cleanup.run(new JobContext(new Job(new JobDetails("c", null, "run", List.of()))) {
        });

        assertThat(remaining(store)).containsExactly(old);
        assertThat(result.deleted()).isZero();
    }

    private static Sha256 stored(LocalBlobStore store, String content, Instant storedAt) throws Exception {
        byte[] bytes = content.getBytes();
        Sha256 sha256 = BlobStoreContract.sha256(bytes);
        store.put(sha256, Files.write(Files.createTempFile("blob", ".part"), bytes), "image/png");
        Path stored = store.localFile(sha256, null);
        Files.setLastModifiedTime(stored, FileTime.from(storedAt));
        return sha256;
    }

    private static List<Sha256> remaining(LocalBlobStore store) throws Exception {
        List<Sha256> digests = new ArrayList<>();
        store.forEach(blob -> digests.add(blob.sha256()));
        return digests;
    }
}
