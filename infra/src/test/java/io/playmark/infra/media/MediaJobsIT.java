package io.playmark.infra.media;

import io.playmark.command.asset.MediaProcessing;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestMedia;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetProbedEvent;
import io.playmark.kernel.asset.AssetRenditionProducedEvent;
import io.playmark.kernel.asset.AssetTitle;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.RegisterAssetCommand;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.Sha256;
import io.playmark.kernel.asset.StoredContent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processing in the running application: a registered asset's content is probed and rendered by a JobRunr job of
 * its own, whose results are events of the asset; asking again for the same version enqueues nothing.
 */
class MediaJobsIT extends PlaymarkIntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private BlobStore blobs;
    @Autowired
    private StorageProvider jobStorage;
    @Autowired
    private EventStore events;
    @Autowired
    private MediaProcessing processing;

    @Test
    void aStoredVideoIsProbedAndRenderedByAMediaJobWithProgressAndAskingAgainEnqueuesNothing() throws Exception {
        AssetId asset = AssetId.random();
        Sha256 sha256 = store(TestMedia.mov());
        long size = blobs.find(sha256).orElseThrow().sizeBytes();

        commands.sendAndWait(new RegisterAssetCommand(asset, new AssetTitle("Clip for processing"),
                new FileName("clip.mov"), null, null, new StoredContent(sha256, size, "video/quicktime",
                MediaKind.VIDEO)));

        Job job = awaitFinished(MediaJobs.jobId(asset, 1), Duration.ofSeconds(90));
        assertThat(job.getState()).as("job %s", job.getJobName()).isEqualTo(StateName.SUCCEEDED);
        assertThat(job.getLabels()).containsExactly(MediaJobs.LABEL);
        assertThat(job.getJobName()).contains(asset.value());
        assertThat(JobDashboardProgressBar.get(job).getProgressAsPercentage()).isEqualTo(100);
        List<Object> recorded = events.readEvents(asset.value()).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(recorded).filteredOn(AssetProbedEvent.class::isInstance).singleElement()
                .satisfies(probed -> assertThat(((AssetProbedEvent) probed).probe().videoCodec()).isEqualTo("h264"));
        assertThat(recorded).filteredOn(AssetRenditionProducedEvent.class::isInstance)
                .extracting(event -> ((AssetRenditionProducedEvent) event).rendition().name())
                .containsExactlyInAnyOrder(Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW, "video-720p");

        int states = job.getJobStates().size();
        processing.process(asset, 1, sha256, MediaKind.VIDEO);

        Job again = jobStorage.getJobById(MediaJobs.jobId(asset, 1));
        assertThat(again.getState()).isEqualTo(StateName.SUCCEEDED);
        assertThat(again.getJobStates()).as("the job was not enqueued again").hasSize(states);
    }

    private Sha256 store(Path media) throws Exception {
        Path copy = Files.createTempFile("upload", ".bin");
        Files.copy(media, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Sha256 sha256 = new Sha256(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))));
        blobs.put(sha256, copy, "video/quicktime");
        return sha256;
    }

    /** JobRunr's servers look for work every few seconds: the job is waited for until it succeeds or fails. */
    private Job awaitFinished(UUID id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Optional<Job> job = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            job = find(id);
            if (job.isPresent() && (job.get().getState() == StateName.SUCCEEDED
                    || job.get().getState() == StateName.FAILED)) {
                return job.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("media job " + id + " did not finish within " + timeout + "; it is "
                + job.map(Job::getState).map(Enum::name).orElse("not there"));
    }

    private Optional<Job> find(UUID id) {
        try {
            return Optional.of(jobStorage.getJobById(id));
        } catch (JobNotFoundException notYet) {
            return Optional.empty();
        }
    }
}
