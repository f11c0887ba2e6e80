package io.playmark.infra.support;

import io.playmark.kernel.asset.ApproveAssetCommand;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetTitle;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.FindAssetQuery;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.RecordAssetProbeCommand;
import io.playmark.kernel.asset.RecordRenditionCommand;
import io.playmark.kernel.asset.RegisterAssetCommand;
import io.playmark.kernel.asset.Rendition;
import io.playmark.kernel.asset.Sha256;
import io.playmark.kernel.asset.StoredContent;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.asset.UploadAssetVersionCommand;
import io.playmark.query.asset.AssetReadModelProjection;
import io.playmark.query.asset.AssetSearchProjection;
import io.playmark.query.asset.AssetView;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * Makes assets as the upload and media processing do: bytes stored in the application's blob store, then the
 * commands that register the asset and record its probe and renditions, each answered once the asset projections
 * have caught up, so that a test chooses the facts (sizes, codecs, lengths) it searches by. The bytes are random,
 * made anew for every asset, so no two tests share content.
 */
public final class TestAssets {

    /**
     * The REST reads of assets, as the API document names them. Every role may call them, so only a bearer token
     * without a Playmark role provokes their 403: JwtIT does, for ApiDocumentIT.
     */
    public static final List<String> READ_PATHS = List.of("/api/v1/assets/{id}", "/api/v1/assets/{id}/content",
            "/api/v1/assets/{id}/renditions/{name}", "/api/v1/assets/{id}/thumbnail", "/api/v1/assets/{id}/poster",
            "/api/v1/assets/{id}/preview");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> PROJECTIONS =
            List.of(AssetReadModelProjection.PROCESSING_GROUP, AssetSearchProjection.PROCESSING_GROUP);

    private final CommandGateway commands;
    private final BlobStore blobs;
    private final ProjectionCatchUp catchUp;
    private final QueryGateway queries;

    private TestAssets(CommandGateway commands, BlobStore blobs, ProjectionCatchUp catchUp, QueryGateway queries) {
        this.commands = commands;
        this.blobs = blobs;
        this.catchUp = catchUp;
        this.queries = queries;
    }

    public static TestAssets of(ApplicationContext playmark) {
        return new TestAssets(playmark.getBean(CommandGateway.class), playmark.getBean(BlobStore.class),
                playmark.getBean(ProjectionCatchUp.class), playmark.getBean(QueryGateway.class));
    }

    /** A stored file: its digest and size. */
    public record Stored(Sha256 sha256, byte[] bytes) {
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public Stored store(Path file, String mediaType) {
        try {
            return store(Files.readAllBytes(file), mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Stored store(byte[] bytes, String mediaType) {
        try {
            Sha256 sha256 = Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
            Path file = Files.createTempFile("test-asset-", ".bin");
            Files.write(file, bytes);
            blobs.put(sha256, file, mediaType);
            return new Stored(sha256, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public AssetId register(String title, String fileName, String folder, Set<String> tags, Stored content,
                            String mediaType, MediaKind kind) {
        AssetId id = AssetId.random();
        commands.sendAndWait(new RegisterAssetCommand(id, new AssetTitle(title), new FileName(fileName),
                new FolderPath(folder), Tag.of(tags), storedContent(content, mediaType, kind)));
        caughtUp(id);
        return id;
    }

    public void uploadVersion(AssetId id, String fileName, Stored content, String mediaType, MediaKind kind) {
        commands.sendAndWait(new UploadAssetVersionCommand(id, new FileName(fileName),
                storedContent(content, mediaType, kind)));
        caughtUp(id);
    }

    /**
     * Records a probe as media processing would. The application's own processing probes the same (random, so
     * undecodable) bytes in a background job, which starts after JobRunr's next poll: should it ever come first, the
     * asset keeps its failed probe, and this says so rather than let a test fail on facts it never got.
     */
    public void probe(AssetId id, int contentVersion, MediaProbe probe) {
        commands.sendAndWait(new RecordAssetProbeCommand(id, contentVersion, probe));
        caughtUp(id);
        AssetView view = queries.query(new FindAssetQuery(id), ResponseTypes.instanceOf(AssetView.class)).join();
        if (!probe.equals(view.probe())) {
            throw new AssertionError("media processing probed " + id + " first: " + view.probeFailure());
        }
    }

    /**
     * A landscape image (PNG) or video (H.264 MP4, 30 s) of random bytes, probed as the test says. On a busy machine
     * the application's own media processing may probe the bytes first ({@link #probe}); such an asset is left and a
     * fresh one made, at most three times.
     */
    public AssetId probed(String title, String folder, MediaKind kind) {
        boolean image = kind == MediaKind.IMAGE;
        return probed(title, image ? "slide.png" : "clip.mp4", folder, image ? "image/png" : "video/mp4", kind,
                image ? image("png", 1920, 1080) : video("h264", 1920, 1080, 30_000));
    }

    /** An asset of random bytes with this file name and type, probed as {@code probe} says, retried as above. */
    public AssetId probed(String title, String fileName, String folder, String mediaType, MediaKind kind,
                          MediaProbe probe) {
        for (int attempt = 1; ; attempt++) {
            try {
                AssetId id = register(title, fileName, folder, Set.of(), store(randomBytes(2000), mediaType),
                        mediaType, kind);
                probe(id, 1, probe);
                return id;
            } catch (AssertionError probedFirst) {
                if (attempt == 3 || !String.valueOf(probedFirst.getMessage()).startsWith("media processing probed")) {
                    throw probedFirst;
                }
            }
        }
    }

    /** An asset probed as {@link #probed} says, then approved, with the asset projections caught up. */
    public AssetId approved(String title, String folder, MediaKind kind) {
        AssetId id = probed(title, folder, kind);
        commands.sendAndWait(new ApproveAssetCommand(id, "fine"));
        caughtUp(id);
        return id;
    }

    /** Stores a rendition's bytes and records it. */
    public Rendition rendition(AssetId id, int contentVersion, String name, byte[] bytes, String mediaType,
                               String videoCodec, int width, int height) {
        Stored stored = store(bytes, mediaType);
        Rendition rendition = new Rendition(name, stored.sha256().value(), bytes.length, mediaType, null, videoCodec,
                width, height, videoCodec == null ? null : 2_000_000L);
        commands.sendAndWait(new RecordRenditionCommand(id, contentVersion, rendition));
        caughtUp(id);
        return rendition;
    }

    public void caughtUp(AssetId id) {
        if (!catchUp.awaitCaughtUp(id.value(), PROJECTIONS)) {
            throw new AssertionError("the asset projections did not catch up with " + id);
        }
    }

    /** A probe of a video in the given codec, size and length. */
    public static MediaProbe video(String codec, int width, int height, long durationMillis) {
        return new MediaProbe("mov,mp4,m4a,3gp,3g2,mj2", codec, "aac", durationMillis, width, height, 25.0, 4_000_000L,
                0);
    }

    public static MediaProbe image(String codec, int width, int height) {
        return new MediaProbe("image2", codec, null, null, width, height, null, null, 0);
    }

    private static StoredContent storedContent(Stored content, String mediaType, MediaKind kind) {
        return new StoredContent(content.sha256(), content.bytes().length, mediaType, kind);
    }
}
