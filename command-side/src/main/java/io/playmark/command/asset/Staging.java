package io.playmark.command.asset;

import io.playmark.kernel.ContentTooLargeException;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Streams incoming files into a staging folder beside storage, computing their SHA-256 and size on the way, so that
 * no file is ever whole in memory and a file over the size limit is cut off as soon as it passes it.
 */
class Staging {

    private static final Logger log = LoggerFactory.getLogger(Staging.class);

    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path folder;
    private final long maxBytes;

    Staging(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        sweep();
    }

    /**
     * Removes what uploads cut short by a crash left behind. Only files a day old: instances share the folder, and
     * another one's upload in flight is younger.
     */
    private void sweep() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> modifiedBefore(file, dayAgo)).forEach(this::discard);
        } catch (IOException e) {
            log.warn("Could not sweep the staging folder {}: {}", folder, e.toString());
        }
    }

    private static boolean modifiedBefore(Path file, Instant limit) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
        } catch (IOException gone) {
            return false;
        }
    }

    StagedFile write(InputStream content) {
        Path path = newPath();
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[BUFFER_BYTES];
            long size = 0;
            for (int read; (read = content.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                size += read;
                if (size > maxBytes) {
                    throw tooLarge();
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            if (size == 0) {
                throw new InvalidValueException("file", "the file is empty");
            }
            // on disk before the upload is answered: an acknowledged upload survives a crash
            out.force(false);
            return new StagedFile(path, Sha256.of(digest.digest()), size);
        } catch (IOException | RuntimeException failed) {
            discard(path);
            throw failed instanceof IOException io ? new UncheckedIOException("could not stage the upload", io)
                    : (RuntimeException) failed;
        }
    }

    /** Stages a file already on disk (tus, import folders) by reading it once for its digest, then moving it. */
    StagedFile adopt(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge();
            }
            if (size == 0) {
                throw new InvalidValueException("file", "the file is empty");
            }
            Sha256 sha256 = Sha256.of(file);
            Path staged = Files.move(file, newPath());
            return new StagedFile(staged, sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage " + file, e);
        }
    }

    void discard(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover staging file is removed by a later start's sweep
        }
    }

    private Path newPath() {
        try {
            return Files.createDirectories(folder).resolve(UUID.randomUUID() + ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the staging folder " + folder, e);
        }
    }

    private ContentTooLargeException tooLarge() {
        return new ContentTooLargeException("The file is larger than the upload limit of " + maxBytes + " bytes");
    }
}
