package io.playmark.infra.media;

import io.playmark.infra.storage.LocalBlobStore;
import io.playmark.infra.support.TestMedia;
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
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Processes the test media as a job would, on a local blob store in a temporary folder, with the commands it sends
 * recorded by a command bus of its own; every output is probed again from the store.
 */
class MediaProcessorTest {

    private static final List<MediaProperties.RenditionProfile> PROFILES =
            new MediaProperties(null, null, null, null, null, null).renditions();

    @TempDir
    Path folder;

    private final List<Object> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
    private BlobStore blobs;
    private Path work;

    @BeforeEach
    void store() throws Exception {
        blobs = new LocalBlobStore(folder.resolve("blobs"));
        work = folder.resolve("work");
    }

    @Test
    void aFullHdVideoGetsItsProbe1080pAnd720pRenditionsAThumbnailAPosterAndAPreview() throws Exception {
        AssetId asset = process(TestMedia.video1080p(), MediaKind.VIDEO, "veryfast");

        MediaProbe probe = recordedProbe();
        assertThat(probe.width()).isEqualTo(TestMedia.FULL_HD_WIDTH);
        Map<String, Rendition> renditions = renditions();
        assertThat(renditions).containsOnlyKeys(Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW,
                "video-720p", "video-1080p");
        assertPlayerMp4(renditions.get("video-1080p"), 1920, 1080);
        assertPlayerMp4(renditions.get("video-720p"), 1280, 720);
        assertPicture(renditions.get(Rendition.THUMBNAIL), "jpeg", 320, 180);
        assertPicture(renditions.get(Rendition.POSTER), "jpeg", 1920, 1080);
        MediaProbe preview = storedProbe(renditions.get(Rendition.PREVIEW), true);
        assertThat(preview.videoCodec()).isEqualTo("h264");
        assertThat(preview.hasAudio()).isFalse();
        assertThat(List.of(preview.width(), preview.height())).containsExactly(320, 180);
        assertThat(preview.durationMillis()).isCloseTo(TestMedia.VIDEO_LENGTH.toMillis(), within(150L));
        assertThat(commands).allSatisfy(command -> assertThat(command.toString()).contains(asset.value()));
        assertThat(progress.getLast()).as("the last progress").containsExactly(6, 6);
        assertThat(work).isEmptyDirectory();
    }

    static Stream<Arguments> smallVideos() {
        return Stream.of(Arguments.of("WebM VP9", (Supplier<Path>) TestMedia::webmVp9, true),
                Arguments.of("MOV", (Supplier<Path>) TestMedia::mov, true),
                Arguments.of("HEVC", (Supplier<Path>) TestMedia::hevcMp4, true),
                Arguments.of("silent", (Supplier<Path>) TestMedia::silentVideo, false));
    }

    /** Smaller than every profile, so one H.264 rendition at its own size, the smallest profile's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("smallVideos")
    void everyVideoGetsAnH264RenditionAtMostItsOwnSizeAThumbnailAPosterAndAPreview(String type, Supplier<Path> media,
                                                                                 boolean sound) throws Exception {
        process(media.get(), MediaKind.VIDEO, "ultrafast");

        Map<String, Rendition> renditions = renditions();
        assertThat(renditions).containsOnlyKeys(Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW,
                "video-720p");
        MediaProbe video = storedProbe(renditions.get("video-720p"), true);
        assertThat(List.of(video.videoCodec(), video.width(), video.height()))
                .containsExactly("h264", TestMedia.SMALL_WIDTH, TestMedia.SMALL_HEIGHT);
        assertThat(video.hasAudio()).isEqualTo(sound);
        assertPicture(renditions.get(Rendition.THUMBNAIL), "jpeg", 320, 180);
        assertPicture(renditions.get(Rendition.POSTER), "jpeg", TestMedia.SMALL_WIDTH, TestMedia.SMALL_HEIGHT);
    }

    @Test
    void aPhoneVideosRenditionsAreUpright() throws Exception {
        process(TestMedia.rotatedPhoneVideo(), MediaKind.VIDEO, "ultrafast");

        assertThat(recordedProbe().rotation()).isEqualTo(90);
        Map<String, Rendition> renditions = renditions();
        MediaProbe video = storedProbe(renditions.get("video-720p"), true);
        assertThat(List.of(video.width(), video.height(), video.rotation()))
                .containsExactly(TestMedia.SMALL_HEIGHT, TestMedia.SMALL_WIDTH, 0);
        int thumbnailHeight = 320 * TestMedia.SMALL_WIDTH / TestMedia.SMALL_HEIGHT;
        Rendition thumbnail = renditions.get(Rendition.THUMBNAIL);
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isCloseTo(thumbnailHeight, within(2));
        assertPicture(renditions.get(Rendition.POSTER), "jpeg", TestMedia.SMALL_HEIGHT, TestMedia.SMALL_WIDTH);
    }

    @Test
    void anImageGetsJpegAndWebpAtTheProfilesItFillsAThumbnailAndAPosterButNoPreview() throws Exception {
        process(TestMedia.jpeg(), MediaKind.IMAGE, "ultrafast");

        Map<String, Rendition> renditions = renditions();
        assertThat(renditions).containsOnlyKeys(Rendition.THUMBNAIL, Rendition.POSTER, "image-720p-jpeg",
                "image-720p-webp");
        assertPicture(renditions.get("image-720p-jpeg"), "jpeg", TestMedia.IMAGE_WIDTH, TestMedia.IMAGE_HEIGHT);
        assertPicture(renditions.get("image-720p-webp"), "webp", TestMedia.IMAGE_WIDTH, TestMedia.IMAGE_HEIGHT);
        assertPicture(renditions.get(Rendition.THUMBNAIL), "jpeg", 320, 180);
        assertPicture(renditions.get(Rendition.POSTER), "jpeg", TestMedia.IMAGE_WIDTH, TestMedia.IMAGE_HEIGHT);
    }

    static Stream<Arguments> smallImages() {
        return Stream.of(Arguments.of("PNG", (Supplier<Path>) TestMedia::png, TestMedia.SMALL_WIDTH),
                Arguments.of("WebP", (Supplier<Path>) TestMedia::webp, TestMedia.SMALL_WIDTH),
                Arguments.of("GIF", (Supplier<Path>) TestMedia::gif, 320));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallImages")
    void everyImageGetsAThumbnailAPosterAndRenditionsAtItsOwnSize(String type, Supplier<Path> media, int width)
            throws Exception {
        process(media.get(), MediaKind.IMAGE, "ultrafast");

        Map<String, Rendition> renditions = renditions();
        assertThat(renditions).containsOnlyKeys(Rendition.THUMBNAIL, Rendition.POSTER, "image-720p-jpeg",
                "image-720p-webp");
        int height = width * 9 / 16;
        assertPicture(renditions.get(Rendition.THUMBNAIL), "jpeg", Math.min(320, width), Math.min(180, height));
        assertPicture(renditions.get(Rendition.POSTER), "jpeg", width, height);
        assertPicture(renditions.get("image-720p-webp"), "webp", width, height);
    }

    @Test
    void aFileFfmpegCannotDecodeIsRecordedAsSuchWithItsReasonAndGetsNoRenditions() throws Exception {
        process(TestMedia.corrupt(), MediaKind.VIDEO, "ultrafast");

        assertThat(commands).singleElement().isInstanceOfSatisfying(RecordAssetProbeFailureCommand.class,
                failure -> assertThat(failure.reason()).contains("Invalid data found"));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aTruncatedUploadIsRecordedAsUndecodable() throws Exception {
        process(TestMedia.truncatedMp4(), MediaKind.VIDEO, "ultrafast");

        assertThat(commands).singleElement().isInstanceOf(RecordAssetProbeFailureCommand.class);
    }

    @Test
    void aRenditionThatFailsIsRecordedWithFfmpegsReasonAndTheOthersAreStillMade() throws Exception {
        process(TestMedia.mov(), MediaKind.VIDEO, "no-such-preset");

        List<RecordRenditionFailureCommand> failures = commands.stream()
                .filter(RecordRenditionFailureCommand.class::isInstance).map(RecordRenditionFailureCommand.class::cast)
                .toList();
        assertThat(failures).extracting(RecordRenditionFailureCommand::rendition)
                .containsExactlyInAnyOrder(Rendition.PREVIEW, "video-720p");
        assertThat(failures).allSatisfy(failure -> assertThat(failure.reason())
                .containsIgnoringCase("preset").doesNotContain(folder.toString()));
        assertThat(renditions()).containsOnlyKeys(Rendition.THUMBNAIL, Rendition.POSTER);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void whatARunStoppedHalfWayLeftInItsScratchFolderIsRemoved() throws Exception {
        AssetId asset = AssetId.random();
        Path leftover = Files.createDirectories(work.resolve(asset + "-1")).resolve("video-720p.mp4");
        Files.writeString(leftover, "half a transcode", StandardCharsets.UTF_8);

        process(asset, TestMedia.png(), MediaKind.IMAGE, "ultrafast");

        assertThat(leftover).doesNotExist();
        assertThat(work).isEmptyDirectory();
    }

    private AssetId process(Path media, MediaKind kind, String preset) throws Exception {
        AssetId asset = AssetId.random();
        process(asset, media, kind, preset);
        return asset;
    }

    private void process(AssetId asset, Path media, MediaKind kind, String preset) throws Exception {
        Path copy = Files.copy(media, folder.resolve("upload"));
        Sha256 sha256 = digest(copy);
        blobs.put(sha256, copy, "application/octet-stream");
        var bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordAssetProbeCommand.class, RecordAssetProbeFailureCommand.class,
                RecordRenditionCommand.class, RecordRenditionFailureCommand.class)) {
            bus.subscribe(type.getName(), message -> commands.add(message.getPayload()));
        }
        var processor = new MediaProcessor(blobs, DefaultCommandGateway.builder().commandBus(bus).build(),
                TestMedia.ffmpeg(), new RenditionPlanner(PROFILES, preset), work);
        processor.process(asset, 1, sha256, kind, (done, steps, next) -> progress.add(new int[]{done, steps}));
    }

    private MediaProbe recordedProbe() {
        assertThat(commands.getFirst()).isInstanceOf(RecordAssetProbeCommand.class);
        return ((RecordAssetProbeCommand) commands.getFirst()).probe();
    }

    /** The renditions recorded, by name; checks each is stored under its digest with its size. */
    private Map<String, Rendition> renditions() throws Exception {
        List<Rendition> made = commands.stream().filter(RecordRenditionCommand.class::isInstance)
                .map(command -> ((RecordRenditionCommand) command).rendition()).toList();
        for (Rendition rendition : made) {
            Path stored = blobs.localFile(new Sha256(rendition.sha256()), folder);
            assertThat(digest(stored).value()).as("%s is stored under its digest", rendition.name())
                    .isEqualTo(rendition.sha256());
            assertThat(Files.size(stored)).isEqualTo(rendition.sizeBytes());
        }
        return made.stream().collect(Collectors.toMap(Rendition::name, Function.identity()));
    }

    private void assertPlayerMp4(Rendition rendition, int width, int height) throws Exception {
        assertThat(List.of(rendition.mediaType(), rendition.container(), rendition.videoCodec()))
                .containsExactly("video/mp4", "mp4", "h264");
        assertThat(List.of(rendition.width(), rendition.height())).containsExactly(width, height);
        MediaProbe probe = storedProbe(rendition, true);
        assertThat(List.of(probe.videoCodec(), probe.audioCodec(), probe.width(), probe.height()))
                .containsExactly("h264", "aac", width, height);
        assertThat(probe.durationMillis()).isCloseTo(TestMedia.VIDEO_LENGTH.toMillis(), within(150L));
        assertThat(rendition.bitRate()).isPositive();
        byte[] head = readHead(rendition);
        String start = new String(head, StandardCharsets.ISO_8859_1);
        assertThat(start).as("faststart: the index before the media data").contains("moov");
        assertThat(start.indexOf("moov")).isLessThan(start.indexOf("mdat") < 0 ? Integer.MAX_VALUE
                : start.indexOf("mdat"));
    }

    private void assertPicture(Rendition rendition, String container, int width, int height) throws Exception {
        assertThat(rendition.container()).isEqualTo(container);
        assertThat(rendition.mediaType()).isEqualTo("image/" + container);
        MediaProbe probe = storedProbe(rendition, false);
        assertThat(probe.container()).isEqualTo(container + "_pipe");
        assertThat(List.of(probe.width(), probe.height())).as(rendition.name()).containsExactly(width, height);
        assertThat(List.of(rendition.width(), rendition.height())).containsExactly(width, height);
    }

    private MediaProbe storedProbe(Rendition rendition, boolean timed) throws Exception {
        Path stored = blobs.localFile(new Sha256(rendition.sha256()), folder);
        MediaProber.Outcome outcome = new MediaProber(TestMedia.ffmpeg()).probe(stored, timed,
                Files.createDirectories(folder.resolve("probe")));
        assertThat(outcome).as(rendition.name()).isInstanceOf(MediaProber.Probed.class);
        return ((MediaProber.Probed) outcome).probe();
    }

    private byte[] readHead(Rendition rendition) throws Exception {
        try (InputStream in = blobs.open(new Sha256(rendition.sha256()), 0, 64 * 1024)) {
            return in.readAllBytes();
        }
    }

    private static Sha256 digest(Path file) throws Exception {
        return new Sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }
}
