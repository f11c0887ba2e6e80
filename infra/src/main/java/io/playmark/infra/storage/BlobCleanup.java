package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobReferences;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.BlobStore.Blob;
import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deletes the blobs that no asset refers to, a JobRunr job run on a schedule. A blob younger than the grace period
 * is kept whatever the references say: an upload stores its blob before it registers the asset, and storing a
 * blob again renews its age, so a blob an upload in flight is about to use is never taken.
 */
public class BlobCleanup implements MaintenanceTask {

    static final String JOB_ID = "blob-cleanup";

    private static final Logger log = LoggerFactory.getLogger(BlobCleanup.class);

    /** What one run did. */
    public record Result(long checked, long young, long referenced, long deleted) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return MaintenanceResult.figures("checked", checked, "deleted", deleted,
                    "referenced", referenced, "young", young);
        }

        @Override
        public String summary() {
            return checked + " blobs checked, " + deleted + " deleted (no asset refers to them), " + referenced
                    + " referenced, " + young + " within the grace period";
        }
    }

    private final BlobStore store;
    private final BlobReferences references;
    private final Duration grace;
    private final Clock clock;

    public BlobCleanup(BlobStore store, BlobReferences references, Duration grace, Clock clock) {
        this.store = store;
        this.references = references;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Result run(JobContext job) throws IOException {
        AtomicLong total = new AtomicLong();
        store.forEach(blob -> total.incrementAndGet());
        JobDashboardProgressBar progress = job.progressBar(total.get());
        Instant youngAfter = clock.instant().minus(grace);
        AtomicLong checked = new AtomicLong();
        AtomicLong young = new AtomicLong();
        AtomicLong referenced = new AtomicLong();
        AtomicLong deleted = new AtomicLong();
        store.forEach(blob -> {
            AtomicLong outcome = isYoung(blob, youngAfter) ? young
                    : references.isReferenced(blob.sha256()) ? referenced
                    : deleteUnlessRenewed(blob, youngAfter) ? deleted : young;
            outcome.incrementAndGet();
            checked.incrementAndGet();
            progress.incrementSucceeded();
        });
        Result result = new Result(checked.get(), young.get(), referenced.get(), deleted.get());
        return result;
    }

    private static boolean isYoung(Blob blob, Instant youngAfter) {
        return blob.storedAt().isAfter(youngAfter);
    }

    /** Looks again just before deleting: an upload may have stored the same bytes since the listing. */
    private boolean deleteUnlessRenewed(Blob blob, Instant youngAfter) {
        try {
            if (store.find(blob.sha256()).filter(now -> !isYoung(now, youngAfter)).isEmpty()) {
                return false;
            }
            store.delete(blob.sha256());
            log.debug("Deleted blob {} ({} bytes, stored {}): no asset refers to it", blob.sha256(), blob.sizeBytes(),
                    blob.storedAt());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
