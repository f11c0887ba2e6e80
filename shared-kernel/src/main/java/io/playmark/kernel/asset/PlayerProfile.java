package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.Texts;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sort of player hardware decodes: video codecs as ffprobe names them ("h264", "hevc", "vp9"),
 * containers and image formats as the short names of their media types ("mp4", "mov", "webm", "jpeg", "png",
 * "webp"), and the largest picture (either way round, since screens hang in portrait too) and bit rate it plays.
 */
public record PlayerProfile(String name, Set<String> videoCodecs, Set<String> containers, Set<String> imageFormats,
                            int maxWidth, int maxHeight, long maxBitRate) {

    public PlayerProfile {
        name = Texts.requireText("name", name, 50);
        videoCodecs = lowerCase(videoCodecs);
        containers = lowerCase(containers);
        imageFormats = lowerCase(imageFormats);
        if (maxWidth < 1 || maxHeight < 1 || maxBitRate < 1) {
            throw new InvalidValueException("playerProfiles", "profile " + name
                    + " needs a positive maximum width, height and bit rate");
        }
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new TreeSet<>();
        if (names != null) {
            names.forEach(n -> lower.add(n.strip().toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(lower);
    }

    /** Whether a picture of this size fits the player's screen, landscape or portrait. */
    boolean fits(int width, int height) {
        return width <= maxWidth && height <= maxHeight || width <= maxHeight && height <= maxWidth;
    }
}
