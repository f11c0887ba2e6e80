package io.playmark.command.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells MP4 from QuickTime by the major brand of the file's {@code ftyp} box. Tika's magic alone (without its
 * parsers) calls every ISO base media file QuickTime, and a player asked for video/quicktime may not play an MP4.
 */
final class IsoBrand {

    private IsoBrand() {
    }

    static String mediaType(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length
                    || !new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
                return "video/quicktime";
            }
        }
        return switch (new String(head, 8, 4, StandardCharsets.US_ASCII)) {
            case "qt  " -> "video/quicktime";
            case "M4V ", "M4VH", "M4VP" -> "video/x-m4v";
            default -> "video/mp4";
        };
    }
}
