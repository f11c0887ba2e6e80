package io.playmark.kernel.asset;

/** Whether assets still refer to a blob: what the blob cleanup asks before it deletes one. */
public interface BlobReferences {

    boolean isReferenced(Sha256 sha256);
}
