package io.playmark.infra.media;

import io.playmark.command.asset.MediaProcessing;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Sha256;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.scheduling.JobScheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.jobrunr.scheduling.JobBuilder.aJob;

/**
 * Media processing as JobRunr jobs, one per content version, labelled {@value #LABEL} (queues are a JobRunr Pro
 * feature; the label is how the dashboard tells media work apart). The job's id follows from the asset and version,
 * so asking again while the job exists is skipped by JobRunr; a failed job is tried again with JobRunr's growing
 * back-off, and the dashboard shows a progress bar over its steps (probe, then each rendition).
 */
public class MediaJobs implements MediaProcessing {

    static final String LABEL = "media";
    private static final long STEP = 100;

    private final JobScheduler jobs;
    private final MediaProcessor processor;
    private final int retries;

    MediaJobs(JobScheduler jobs, MediaProcessor processor, int retries) {
        this.jobs = jobs;
        this.processor = processor;
        this.retries = retries;
    }

    @Override
    public void process(AssetId assetId, int contentVersion, Sha256 sha256, MediaKind kind) {
        String asset = assetId.value();
        String content = sha256.value();
        jobs.create(aJob().withId(jobId(assetId, contentVersion))
                .withName("Media of asset " + asset + ", version " + contentVersion + " (" + kind + ")")
                .withLabels(LABEL)
                .withAmountOfRetries(retries)
                .withDetails((MediaJobs job) -> job.run(asset, contentVersion, content, kind, JobContext.Null)));
    }

    static UUID jobId(AssetId assetId, int contentVersion) {
        return UUID.nameUUIDFromBytes(("media:" + assetId + ":" + contentVersion).getBytes(StandardCharsets.UTF_8));
    }

    /** The job itself, as JobRunr runs it; JobRunr puts the running job's context in place of {@code context}. */
    public void run(String assetId, int contentVersion, String sha256, MediaKind kind, JobContext context)
            throws IOException, InterruptedException {
        processor.process(new AssetId(assetId), contentVersion, new Sha256(sha256), kind, progressBar(context));
    }

    /** Each step is {@value #STEP} units of the bar, so that a long transcode moves it too. */
    private static MediaProgress progressBar(JobContext context) {
        return new MediaProgress() {
            private JobDashboardProgressBar bar;

            @Override
            public void update(int done, int steps, double next) {
                if (bar == null || bar.getTotalAmount() != steps * STEP) {
                    bar = context.progressBar(steps * STEP);
                }
                bar.setProgress(Math.min(steps * STEP, done * STEP + Math.round(next * STEP)));
            }
        };
    }
}
