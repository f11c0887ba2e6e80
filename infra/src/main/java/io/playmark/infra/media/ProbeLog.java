package io.playmark.infra.media;

import io.playmark.kernel.asset.MediaProbe;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what ffmpeg prints about its input ({@code Input #0, …}, {@code Duration: …}, one line per stream, then each
 * stream's metadata and side data, indented) into a {@link MediaProbe}. The jar's ffmpeg has no ffprobe, and this
 * part of its log has kept its shape across ffmpeg versions.
 */
final class ProbeLog {

    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");
    private static final Pattern DURATION = Pattern.compile(
            "^\\s*Duration: (?:(\\d+):(\\d{2}):(\\d{2})\\.(\\d+)|N/A).*?bitrate: (?:(\\d+) kb/s|N/A)");
    private static final Pattern STREAM = Pattern.compile("^\\s*Stream #0:\\d+.*?: (Video|Audio|\\w+): (\\w+)(.*)$");
    private static final Pattern SIZE = Pattern.compile("(?<!\\w)(\\d{1,5})x(\\d{1,5})(?!\\w)");
    private static final Pattern FPS = Pattern.compile("([\\d.]+)(k?) (?:fps|tbr)");
    private static final Pattern ROTATE = Pattern.compile("^\\s*rotate\\s*: (-?\\d+)");
    private static final Pattern DISPLAY_MATRIX = Pattern.compile("displaymatrix: rotation of (-?[\\d.]+) degrees");

    private ProbeLog() {
    }

    /** What the log says of the input, or empty when it names no picture: no video stream, or no input at all. */
    static Optional<MediaProbe> parse(List<String> log, boolean timed) {
        String container = null;
        Long durationMillis = null;
        Long bitRate = null;
        String videoCodec = null;
        String audioCodec = null;
        String videoDetails = null;
        Integer rotation = null;
        boolean inVideoStream = false;
        for (String line : log) {
            if (line.startsWith("Output #") || line.startsWith("Stream mapping:")) {
                break; // what follows describes ffmpeg's output, not the file
            }
            Matcher matcher;
            if ((matcher = INPUT.matcher(line)).find()) {
                container = matcher.group(1);
            } else if ((matcher = DURATION.matcher(line)).find()) {
                durationMillis = matcher.group(1) == null ? null : millis(matcher);
                bitRate = matcher.group(5) == null ? null : Long.parseLong(matcher.group(5)) * 1000;
            } else if ((matcher = STREAM.matcher(line)).find()) {
                boolean firstPicture = "Video".equals(matcher.group(1)) && videoCodec == null
                        && !matcher.group(3).contains("(attached pic)");
                inVideoStream = firstPicture;
                if (firstPicture) {
                    videoCodec = matcher.group(2);
                    videoDetails = matcher.group(3);
                } else if ("Audio".equals(matcher.group(1)) && audioCodec == null) {
                    audioCodec = matcher.group(2);
                }
            } else if (inVideoStream && rotation == null) {
                rotation = rotation(line);
            }
        }
        if (container == null || videoCodec == null) {
            return Optional.empty();
        }
        Matcher size = SIZE.matcher(videoDetails);
        if (!size.find()) {
            return Optional.empty();
        }
        return Optional.of(new MediaProbe(container, videoCodec, audioCodec, timed ? durationMillis : null,
                Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)), timed ? frameRate(videoDetails) : null,
                timed ? bitRate : null, rotation == null ? 0 : rotation));
    }

    private static long millis(Matcher duration) {
        String fraction = (duration.group(4) + "000").substring(0, 3);
        return ((Long.parseLong(duration.group(1)) * 60 + Long.parseLong(duration.group(2))) * 60
                + Long.parseLong(duration.group(3))) * 1000 + Long.parseLong(fraction);
    }

    private static Double frameRate(String details) {
        Matcher fps = FPS.matcher(details);
        if (!fps.find()) {
            return null;
        }
        double value = Double.parseDouble(fps.group(1));
        return fps.group(2).isEmpty() ? value : value * 1000;
    }

    /**
     * Degrees clockwise from a {@code rotate} tag (clockwise already) or a display matrix (counter-clockwise), as a
     * quarter turn; null when the line says neither.
     */
    private static Integer rotation(String line) {
        Matcher matcher;
        double clockwise;
        if ((matcher = ROTATE.matcher(line)).find()) {
            clockwise = Double.parseDouble(matcher.group(1));
        } else if ((matcher = DISPLAY_MATRIX.matcher(line)).find()) {
            clockwise = -Double.parseDouble(matcher.group(1));
        } else {
            return null;
        }
        long quarters = Math.round(clockwise / 90);
        return (int) Math.floorMod(quarters * 90, 360);
    }
}
