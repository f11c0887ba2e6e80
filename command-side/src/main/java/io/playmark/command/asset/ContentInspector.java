package io.playmark.command.asset;

import io.playmark.kernel.ContentTooLargeException;
import io.playmark.kernel.UnsupportedContentException;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.MediaKind;
import org.apache.tika.Tika;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Says what a file really is from its bytes (Apache Tika's magic, never the name or the client's type), refuses
 * what Playmark does not play with the reason, and refuses an image whose pixel count is over the limit from its
 * header alone, before anything decodes it (a decompression bomb is small on disk and huge in memory).
 */
class ContentInspector {

    /** The media types Playmark plays, and their kind. */
    static final Map<String, MediaKind> ACCEPTED = Map.of(
            "video/mp4", MediaKind.VIDEO, "video/quicktime", MediaKind.VIDEO, "video/webm", MediaKind.VIDEO,
            "video/x-matroska", MediaKind.VIDEO, "video/x-m4v", MediaKind.VIDEO,
            "image/jpeg", MediaKind.IMAGE, "image/png", MediaKind.IMAGE, "image/webp", MediaKind.IMAGE,
            "image/gif", MediaKind.IMAGE);

    private static final Set<String> PROGRAMS = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/java-archive", "application/x-sh",
            "application/x-msi", "application/vnd.microsoft.portable-executable");

    private static final String ACCEPTED_LIST = "MP4, MOV, M4V, WebM and Matroska videos and JPEG, PNG, WebP and GIF images";

    private final Tika tika = new Tika();
    private final long maxImagePixels;

    ContentInspector(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    record Inspected(String mediaType, MediaKind kind) {
    }

    Inspected inspect(Path file, FileName name) {
        String type = detect(file);
        MediaKind kind = ACCEPTED.get(type);
        if (kind == null) {
            throw new UnsupportedContentException(refusal(name, type));
        }
        if (kind == MediaKind.IMAGE) {
            checkPixels(file, name, type);
        }
        return new Inspected(type, kind);
    }

    private String detect(Path file) {
        try (var in = Files.newInputStream(file)) {
            // the stream alone, without the name: Tika would otherwise let "setup.jpg" count as a JPEG
            String type = tika.detect(in);
            return type.equals("video/quicktime") ? IsoBrand.mediaType(file) : type;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the staged file " + file, e);
        }
    }

    private static String refusal(FileName name, String type) {
        if (PROGRAMS.contains(type)) {
            return "'" + name.value() + "' is a program (" + type + "), not media; programs are refused whatever "
                    + "their name";
        }
        if (type.equals("application/octet-stream")) {
            return "'" + name.value() + "' is not a file type Playmark recognises; it takes " + ACCEPTED_LIST;
        }
        return "'" + name.value() + "' is " + type + ", which screens do not play; Playmark takes " + ACCEPTED_LIST;
    }

    private void checkPixels(Path file, FileName name, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnsupportedContentException("'" + name.value() + "' looks like " + type
                        + " but its header does not decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxImagePixels) {
                    throw new ContentTooLargeException("'" + name.value() + "' is " + reader.getWidth(0) + " × "
                            + reader.getHeight(0) + " pixels (" + pixels + "), over the limit of " + maxImagePixels
                            + " pixels per image");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException corrupt) {
            throw new UnsupportedContentException("'" + name.value() + "' looks like " + type
                    + " but its header does not decode: " + corrupt.getMessage());
        }
    }
}
