package io.playmark.infra.media;

import io.playmark.infra.support.TestMedia;
import io.playmark.kernel.asset.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Probes the test media as stored content is probed: a file named by its digest, no extension to go by. */
class MediaProberTest {

    private static final long LENGTH_MILLIS = TestMedia.VIDEO_LENGTH.toMillis();

    @TempDir
    Path scratch;

    private final MediaProber prober = new MediaProber(TestMedia.ffmpeg());

    @Test
    void findsContainerCodecsSizeLengthFrameRateBitRateAndAudioOfAFullHdMp4() throws Exception {
        MediaProbe probe = probed(TestMedia.video1080p(), true);

        assertThat(probe.container()).contains("mp4");
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.width()).isEqualTo(TestMedia.FULL_HD_WIDTH);
        assertThat(probe.height()).isEqualTo(TestMedia.FULL_HD_HEIGHT);
        assertThat(probe.durationMillis()).isCloseTo(LENGTH_MILLIS, within(100L));
        assertThat(probe.frameRate()).isEqualTo(TestMedia.FRAME_RATE);
        assertThat(probe.bitRate()).isPositive();
        assertThat(probe.rotation()).isZero();
    }

    @Test
    void readsWebmWithVp9AndOpus() throws Exception {
        MediaProbe probe = probed(TestMedia.webmVp9(), true);

        assertThat(probe.container()).contains("webm");
        assertThat(probe.videoCodec()).isEqualTo("vp9");
        assertThat(probe.audioCodec()).isEqualTo("opus");
        assertSmallVideo(probe);
    }

    @Test
    void readsQuickTimeMov() throws Exception {
        MediaProbe probe = probed(TestMedia.mov(), true);

        assertThat(probe.container()).contains("mov");
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertSmallVideo(probe);
    }

    @Test
    void readsHevc() throws Exception {
        MediaProbe probe = probed(TestMedia.hevcMp4(), true);

        assertThat(probe.videoCodec()).isEqualTo("hevc");
        assertSmallVideo(probe);
    }

    @Test
    void readsAPhoneVideosRotationAndShowsItUpright() throws Exception {
        MediaProbe probe = probed(TestMedia.rotatedPhoneVideo(), true);

        assertThat(probe.rotation()).isEqualTo(90);
        assertSmallVideo(probe);
        assertThat(probe.displayWidth()).isEqualTo(TestMedia.SMALL_HEIGHT);
        assertThat(probe.displayHeight()).isEqualTo(TestMedia.SMALL_WIDTH);
    }

    @Test
    void findsNoAudioInASilentVideo() throws Exception {
        MediaProbe probe = probed(TestMedia.silentVideo(), true);

        assertThat(probe.hasAudio()).isFalse();
        assertSmallVideo(probe);
    }

    @Test
    void readsImagesWithoutLengthFrameRateOrBitRate() throws Exception {
        assertImage(probed(TestMedia.jpeg(), false), "jpeg_pipe", "mjpeg", TestMedia.IMAGE_WIDTH,
                TestMedia.IMAGE_HEIGHT);
        assertImage(probed(TestMedia.png(), false), "png_pipe", "png", TestMedia.SMALL_WIDTH, TestMedia.SMALL_HEIGHT);
        assertImage(probed(TestMedia.webp(), false), "webp_pipe", "webp", TestMedia.SMALL_WIDTH,
                TestMedia.SMALL_HEIGHT);
        assertImage(probed(TestMedia.gif(), false), "gif", "gif", 320, 180);
    }

    @Test
    void saysWhyRandomBytesAreNoMedia() throws Exception {
        MediaProber.Outcome outcome = prober.probe(stored(TestMedia.corrupt()), true, scratch);

        assertThat(outcome).isInstanceOfSatisfying(MediaProber.Undecodable.class, undecodable -> assertThat(
                undecodable.reason()).isEqualTo("ffmpeg cannot decode the file: Invalid data found when processing input"));
    }

    @Test
    void saysWhyATruncatedMp4IsNoMedia() throws Exception {
        MediaProber.Outcome outcome = prober.probe(stored(TestMedia.truncatedMp4()), true, scratch);

        assertThat(outcome).isInstanceOfSatisfying(MediaProber.Undecodable.class, undecodable -> assertThat(
                undecodable.reason()).startsWith("ffmpeg cannot decode the file: ").doesNotContain(scratch.toString()));
    }

    private static void assertSmallVideo(MediaProbe probe) {
        assertThat(probe.width()).isEqualTo(TestMedia.SMALL_WIDTH);
        assertThat(probe.height()).isEqualTo(TestMedia.SMALL_HEIGHT);
        assertThat(probe.durationMillis()).isCloseTo(LENGTH_MILLIS, within(100L));
        assertThat(probe.frameRate()).isEqualTo(TestMedia.FRAME_RATE);
    }

    private static void assertImage(MediaProbe probe, String container, String codec, int width, int height) {
        assertThat(probe.container()).isEqualTo(container);
        assertThat(probe.videoCodec()).isEqualTo(codec);
        assertThat(probe.width()).isEqualTo(width);
        assertThat(probe.height()).isEqualTo(height);
        assertThat(probe.durationMillis()).isNull();
        assertThat(probe.frameRate()).isNull();
        assertThat(probe.bitRate()).isNull();
        assertThat(probe.hasAudio()).isFalse();
    }

    private MediaProbe probed(Path media, boolean timed) throws Exception {
        MediaProber.Outcome outcome = prober.probe(stored(media), timed, scratch);
        assertThat(outcome).as("probing %s", media).isInstanceOf(MediaProber.Probed.class);
        return ((MediaProber.Probed) outcome).probe();
    }

    /** A copy named as blobs are, so that ffmpeg goes by the content alone. */
    private Path stored(Path media) throws Exception {
        return Files.copy(media, Files.createTempFile(scratch, "content", ""),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
