package io.playmark.infra.media;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.RecordAssetProbeCommand;
import io.playmark.kernel.asset.RecordAssetProbeFailureCommand;
import io.playmark.kernel.asset.RecordRenditionCommand;
import io.playmark.kernel.asset.RecordRenditionFailureCommand;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.Sha256;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Processes one content version of an asset: probes it, then makes each planned rendition, stores it and records it
 * on the asset; a rendition that fails is recorded with its reason and the others are still made. A file ffmpeg cannot
 * decode is recorded as such, once: trying again would not change it. Storage or command failures are thrown, for the
 * job to be tried again; the asset ignores what it has already recorded, so a repeated run changes nothing twice.
 * Work happens in a scratch folder of the version's own, emptied before and removed after.
 */
public class MediaProcessor {

    private static final Logger log = LoggerFactory.getLogger(MediaProcessor.class);

    private final BlobStore blobs;
    private final CommandGateway commands;
    private final Ffmpeg ffmpeg;
    private final MediaProber prober;
    private final RenditionPlanner planner;
    private final Path workDirectory;

    MediaProcessor(BlobStore blobs, CommandGateway commands, Ffmpeg ffmpeg, RenditionPlanner planner,
                   Path workDirectory) {
        this.blobs = blobs;
        this.commands = commands;
        this.ffmpeg = ffmpeg;
        this.prober = new MediaProber(ffmpeg);
        this.planner = planner;
        this.workDirectory = workDirectory;
    }

    public void process(AssetId assetId, int contentVersion, Sha256 sha256, MediaKind kind, MediaProgress progress)
            throws IOException, InterruptedException {
        Path scratch = workDirectory.resolve(assetId + "-" + contentVersion);
        // a run stopped half-way (a crash, a kill) leaves its files; this run starts clean
        FileSystemUtils.deleteRecursively(scratch);
        Files.createDirectories(scratch);
        try {
            Path source = blobs.localFile(sha256, scratch);
            switch (prober.probe(source, kind == MediaKind.VIDEO, scratch)) {
                case MediaProber.Undecodable undecodable -> {
                    log.info("Asset {} version {} does not decode: {}", assetId, contentVersion, undecodable.reason());
                    commands.sendAndWait(new RecordAssetProbeFailureCommand(assetId, contentVersion,
                            undecodable.reason()));
                    progress.update(1, 1, 0);
                }
                case MediaProber.Probed probed -> {
                    commands.sendAndWait(new RecordAssetProbeCommand(assetId, contentVersion, probed.probe()));
                    render(assetId, contentVersion, source, probed.probe(), kind, scratch, progress);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    private void render(AssetId assetId, int contentVersion, Path source, MediaProbe probe, MediaKind kind,
                        Path scratch, MediaProgress progress) throws IOException, InterruptedException {
        List<PlannedRendition> plan = planner.plan(probe, kind);
        int steps = plan.size() + 1;
        progress.update(1, steps, 0);
        for (int i = 0; i < plan.size(); i++) {
            PlannedRendition planned = plan.get(i);
            int done = i + 1;
            Object result = make(assetId, contentVersion, source, planned, scratch,
                    share -> progress.update(done, steps, share));
            commands.sendAndWait(result);
            progress.update(done + 1, steps, 0);
        }
    }

    /** The command that records the rendition made, or its failure. */
    private Object make(AssetId assetId, int contentVersion, Path source, PlannedRendition planned, Path scratch,
                        DoubleConsumer share) throws IOException, InterruptedException {
        Path output = scratch.resolve(planned.fileName());
        Ffmpeg.Result result = ffmpeg.run(planned.arguments(source, output, ffmpeg.threads()), scratch,
                planned.durationMicros() == 0 ? null
                        : micros -> share.accept(Math.min(1.0, (double) micros / planned.durationMicros())));
        String failure = result.succeeded() ? null : FfmpegLog.reason(result.log(), source, output);
        Optional<PictureSize> picture = failure == null && !planned.video() ? PictureHeader.of(output)
                : Optional.empty();
        MediaProbe made = null;
        if (failure == null && picture.isEmpty()) {
            switch (prober.probe(output, planned.video(), scratch)) {
                case MediaProber.Probed probed -> made = probed.probe();
                case MediaProber.Undecodable undecodable -> failure = "the file made does not decode: "
                        + undecodable.reason();
            }
        }
        if (failure != null) {
            log.warn("Asset {} version {}: rendition {} failed: {}", assetId, contentVersion, planned.name(), failure);
            Files.deleteIfExists(output);
            return new RecordRenditionFailureCommand(assetId, contentVersion, planned.name(), failure);
        }
        long size = Files.size(output);
        Sha256 sha256 = Sha256.of(output);
        blobs.put(sha256, output, planned.mediaType());
        Rendition rendition = picture.isPresent()
                ? new Rendition(planned.name(), sha256.value(), size, planned.mediaType(), planned.container(),
                        planned.codec(), picture.get().width(), picture.get().height(), null)
                : new Rendition(planned.name(), sha256.value(), size, planned.mediaType(), planned.container(),
                        made.videoCodec(), made.displayWidth(), made.displayHeight(), made.bitRate());
        return new RecordRenditionCommand(assetId, contentVersion, rendition);
    }
}
