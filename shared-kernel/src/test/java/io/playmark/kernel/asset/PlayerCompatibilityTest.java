package io.playmark.kernel.asset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which profiles play what: the original when they decode it, else the largest rendition they do, else nothing. */
class PlayerCompatibilityTest {

    private static final PlayerProfile HD = new PlayerProfile("hd-h264", Set.of("h264"), Set.of("mp4"),
            Set.of("jpeg", "png", "webp"), 1920, 1080, 20_000_000);
    private static final PlayerProfile UHD = new PlayerProfile("uhd-hevc", Set.of("h264", "hevc", "vp9"),
            Set.of("mp4", "webm", "mov"), Set.of("jpeg", "png", "webp"), 3840, 2160, 60_000_000);
    private static final PlayerProfile SD = new PlayerProfile("legacy-sd", Set.of("H264"), Set.of("MP4"),
            Set.of("jpeg", "png"), 1280, 720, 8_000_000);
    private static final PlayerCompatibility COMPATIBILITY = new PlayerCompatibility(List.of(HD, UHD, SD));

    private static final Rendition P1080 = video("video-1080p", 1920, 1080, 6_000_000L);
    private static final Rendition P720 = video("video-720p", 1280, 720, 3_000_000L);
    private static final Rendition THUMBNAIL = new Rendition(Rendition.THUMBNAIL, "a".repeat(64), 10, "image/jpeg",
            "jpeg_pipe", "mjpeg", 320, 180, null);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1080p H.264 MP4 plays as it is on HD and UHD; SD needs the 720p rendition",
                        MediaKind.VIDEO, "video/mp4", probe("h264", 1920, 1080, 8_000_000L, 0), List.of(P1080, P720),
                        List.of(p("hd-h264", "ORIGINAL"), p("uhd-hevc", "ORIGINAL"), p("legacy-sd", "video-720p"))),
                Arguments.of("4K HEVC MOV plays on UHD only, HD takes the largest rendition that fits",
                        MediaKind.VIDEO, "video/quicktime", probe("hevc", 3840, 2160, 40_000_000L, 0),
                        List.of(P720, P1080),
                        List.of(p("hd-h264", "video-1080p"), p("uhd-hevc", "ORIGINAL"), p("legacy-sd", "video-720p"))),
                Arguments.of("without renditions a 4K HEVC video plays on UHD alone", MediaKind.VIDEO,
                        "video/quicktime", probe("hevc", 3840, 2160, 40_000_000L, 0), List.of(THUMBNAIL),
                        List.of(p("uhd-hevc", "ORIGINAL"))),
                Arguments.of("a portrait video fits a screen hung that way", MediaKind.VIDEO, "video/mp4",
                        probe("h264", 1920, 1080, 5_000_000L, 90), List.of(),
                        List.of(p("hd-h264", "ORIGINAL"), p("uhd-hevc", "ORIGINAL"))),
                Arguments.of("a bit rate over the HD player's maximum needs a rendition", MediaKind.VIDEO, "video/mp4",
                        probe("h264", 1920, 1080, 25_000_000L, 0), List.of(P1080),
                        List.of(p("hd-h264", "video-1080p"), p("uhd-hevc", "ORIGINAL"))),
                Arguments.of("a codec nobody decodes, without renditions, is flagged", MediaKind.VIDEO,
                        "video/x-msvideo", probe("mpeg4", 640, 480, 1_000_000L, 0), List.of(THUMBNAIL), List.of()),
                Arguments.of("WebP plays on HD and UHD, not on SD", MediaKind.IMAGE, "image/webp",
                        probe("webp", 1920, 1080, null, 0), List.of(),
                        List.of(p("hd-h264", "ORIGINAL"), p("uhd-hevc", "ORIGINAL"))),
                Arguments.of("a GIF plays from its JPEG rendition", MediaKind.IMAGE, "image/gif",
                        probe("gif", 800, 600, null, 0),
                        List.of(new Rendition("image-1080p", "b".repeat(64), 10, "image/jpeg", "jpeg_pipe", "mjpeg",
                                800, 600, null)),
                        List.of(p("hd-h264", "image-1080p"), p("uhd-hevc", "image-1080p"), p("legacy-sd", "image-1080p"))),
                Arguments.of("nothing plays an asset not probed yet", MediaKind.VIDEO, "video/mp4", null, List.of(P720),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void profiles_play_the_original_or_a_rendition(String description, MediaKind kind, String mediaType,
                                                   MediaProbe probe, List<Rendition> renditions,
                                                   List<PlayerCompatibility.Playable> expected) {
        assertThat(COMPATIBILITY.playableBy(kind, mediaType, probe, renditions)).isEqualTo(expected);
    }

    private static PlayerCompatibility.Playable p(String profile, String source) {
        return new PlayerCompatibility.Playable(profile, source);
    }

    private static MediaProbe probe(String codec, int width, int height, Long bitRate, int rotation) {
        return new MediaProbe("container", codec, null, bitRate == null ? null : 20_000L, width, height,
                bitRate == null ? null : 25.0, bitRate, rotation);
    }

    private static Rendition video(String name, int width, int height, Long bitRate) {
        return new Rendition(name, "c".repeat(64), 1000, "video/mp4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", width,
                height, bitRate);
    }
}
