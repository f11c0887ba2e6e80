package io.playmark.infra.media;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * The size of a picture ffmpeg has just written, read from its header: a JPEG or WebP rendition needs no second
 * ffmpeg run to be measured, which for an image was most of its cost (a run per rendition, and a probe of each).
 */
final class PictureHeader {

    private PictureHeader() {
    }

    /** Width and height from the header; empty when no reader knows the format (then ffmpeg probes it). */
    static Optional<PictureSize> of(Path picture) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(picture.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new PictureSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }
}
