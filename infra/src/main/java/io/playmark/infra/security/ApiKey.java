package io.playmark.infra.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key. Only the SHA-256 of the key is kept: keys are long random strings, so a fast hash
 * cannot be reversed, and it lets each request find its key by one unique-index lookup.
 *
 * @param playerId for a PLAYER key, the one player it speaks for; null otherwise
 */
@Document(ApiKey.COLLECTION)
public record ApiKey(@Id String id, String name, @Indexed(unique = true) String hash, Set<Role> roles,
                     String playerId, Instant createdAt) {

    public static final String COLLECTION = "api_keys";
}
