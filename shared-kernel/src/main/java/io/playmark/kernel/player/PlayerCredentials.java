package io.playmark.kernel.player;

/**
 * A player's id and its API key's plain text, answered once when the key is issued (at registration or rotation);
 * Playmark keeps only the key's hash. {@code created} is false when a registration was a retry of an earlier one.
 */
public record PlayerCredentials(String playerId, String apiKey, boolean created) {
}
