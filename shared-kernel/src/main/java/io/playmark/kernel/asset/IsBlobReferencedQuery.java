package io.playmark.kernel.asset;

import java.util.Objects;

/**
 * Whether a blob is still referred to: the current content or a rendition of an asset not deleted. Answered
 * with a Boolean, for the cleanup of unreferenced blobs. Older content versions and their renditions are not
 * referred to.
 */
public record IsBlobReferencedQuery(Sha256 sha256) {

    public IsBlobReferencedQuery {
        Objects.requireNonNull(sha256, "sha256");
    }
}
