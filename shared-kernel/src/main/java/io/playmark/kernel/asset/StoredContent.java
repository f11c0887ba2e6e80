package io.playmark.kernel.asset;

import java.util.Objects;

/**
 * A file now in storage, as the upload checked it: its digest (its storage key), size, the media type sniffed
 * from its bytes (never the client's word) and the kind that follows.
 */
public record StoredContent(Sha256 sha256, long sizeBytes, String mediaType, MediaKind kind) {

    public StoredContent {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(kind, "kind");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("stored content is never empty");
        }
    }
}
