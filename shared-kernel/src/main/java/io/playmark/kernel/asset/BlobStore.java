package io.playmark.kernel.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the bytes of assets and renditions live, addressed by their SHA-256 digest: the same bytes are stored
 * once, whoever uploads them. The local filesystem under the data directory by default, S3-compatible object
 * storage by configuration. Implementations are safe to use from several instances at once.
 */
public interface BlobStore {

    /** A stored blob: its digest, size and when it was written (cleanup spares young blobs). */
    record Blob(Sha256 sha256, long sizeBytes, Instant storedAt) {
    }

    /**
     * Stores a finished local file under its digest, which the caller computed while writing it. The file is
     * consumed (moved or deleted). Storing a digest already present keeps the stored copy.
     */
    void put(Sha256 sha256, Path file, String mediaType) throws IOException;

    Optional<Blob> find(Sha256 sha256) throws IOException;

    /** Reads {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream open(Sha256 sha256, long offset, long length) throws IOException;

    /**
     * A local file holding the blob, for tools that need a path (ffmpeg): the stored file itself on the
     * filesystem, a copy in {@code scratch} otherwise. The caller deletes the file only when it is under scratch.
     */
    Path localFile(Sha256 sha256, Path scratch) throws IOException;

    void delete(Sha256 sha256) throws IOException;

    /** Every stored blob, in no particular order. */
    void forEach(Consumer<Blob> action) throws IOException;
}
