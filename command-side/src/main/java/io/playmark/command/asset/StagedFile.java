package io.playmark.command.asset;

import io.playmark.kernel.asset.Sha256;

import java.nio.file.Path;

/** A file written to the staging folder, with the digest and size counted while it was written. */
record StagedFile(Path path, Sha256 sha256, long sizeBytes) {
}
