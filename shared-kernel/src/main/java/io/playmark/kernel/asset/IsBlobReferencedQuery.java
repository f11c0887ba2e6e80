package io.playmark.kernel.asset;

/** Whether any asset (a version or a rendition of one) still refers to a stored blob: answered with a Boolean. */
public record IsBlobReferencedQuery(Sha256 sha256) {
}
