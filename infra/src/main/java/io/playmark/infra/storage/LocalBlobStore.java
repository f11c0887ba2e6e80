package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Blobs as files under a root folder, content-addressed: {@code ab/cd/abcd…} for digest {@code abcd…}, two levels
 * of 256 folders so that no folder grows past a few thousand entries. A file appears by an atomic rename, so a
 * reader never sees half of one, and two instances storing the same digest both succeed.
 */
public class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public void put(Sha256 sha256, Path file, String mediaType) throws IOException {
        Path target = pathOf(sha256);
        if (renewed(target)) {
            Files.delete(file);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException stored) {
            renewed(target);
            Files.deleteIfExists(file);
        }
    }

    /** A blob stored again is young again: the cleanup's grace period spares it while its new upload registers. */
    private static boolean renewed(Path target) throws IOException {
        try {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    @Override
    public Optional<Blob> find(Sha256 sha256) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(pathOf(sha256), BasicFileAttributes.class);
            return Optional.of(new Blob(sha256, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(Sha256 sha256, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public Path localFile(Sha256 sha256, Path scratch) throws IOException {
        Path path = pathOf(sha256);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no blob " + sha256);
        }
        return path;
    }

    @Override
    public void delete(Sha256 sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public void forEach(Consumer<Blob> action) throws IOException {
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.length() == 64) {
                    find(new Sha256(name)).ifPresent(action);
                }
            }
        }
    }

    private Path pathOf(Sha256 sha256) {
        String hex = sha256.value();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }
}
