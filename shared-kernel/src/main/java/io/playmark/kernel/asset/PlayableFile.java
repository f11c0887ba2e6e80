package io.playmark.kernel.asset;

/**
 * The file a player of one hardware profile downloads to show an asset: the original or a rendition
 * ({@code source}), at {@code path} on Playmark's API, with the checksum and size the player verifies it by.
 * {@code durationMillis} is the content's own length (null for images).
 */
public record PlayableFile(String assetId, String title, String source, String path, String sha256, long sizeBytes,
                           String mediaType, Long durationMillis) {
}
