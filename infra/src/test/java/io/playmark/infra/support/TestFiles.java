package io.playmark.infra.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Small files for upload tests, made on the spot in one temporary folder. */
public final class TestFiles {

    private static final Path FOLDER = folder();

    private TestFiles() {
    }

    /** A small image whose content no other call makes, so that uploading it makes a new asset. */
    public static Path uniqueImage(String format) {
        return uniqueImage(format, 96, 64);
    }

    public static Path uniqueImage(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(UUID.randomUUID().hashCode()));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.drawString(UUID.randomUUID().toString(), 2, 30);
        graphics.dispose();
        Path file = FOLDER.resolve(UUID.randomUUID() + "." + format);
        try {
            ImageIO.write(image, format, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The start of a Windows program: what a renamed .exe looks like to a sniffer. */
    public static Path program() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return write("setup.exe", bytes);
    }

    public static Path text(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of {@code size} bytes that takes no room on disk. */
    public static Path sparse(long size) {
        Path file = FOLDER.resolve(UUID.randomUUID() + ".bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(Files.createTempDirectory(FOLDER, "file-").resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("playmark-test-files-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
