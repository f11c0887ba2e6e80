package io.playmark.infra.security;

import io.playmark.kernel.InvalidValueException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Issues API keys and recognises them; the plain key is shown once, at issue, and never stored. */
@Service
public class ApiKeys {

    static final String PREFIX = "pmk_";
    private static final int SECRET_BYTES = 32;

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ApiKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(ApiKey.class).createIndex(new Index("hash", org.springframework.data.domain.Sort.Direction.ASC)
                .unique());
    }

    /** A key and its plain text, which the caller must hand over now: it cannot be recovered later. */
    public record IssuedKey(ApiKey key, String plainText) {
    }

    public IssuedKey issue(String name, Set<Role> roles, String playerId) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String plainText = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new IssuedKey(store(UUID.randomUUID().toString(), name, roles, playerId, plainText), plainText);
    }

    /** Stores a key whose plain text was chosen elsewhere (e.g. by automation), replacing the same id. */
    public ApiKey store(String id, String name, Set<Role> roles, String playerId, String plainText) {
        if (roles.isEmpty()) {
            throw new InvalidValueException("roles", "an API key needs at least one role");
        }
        if (roles.contains(Role.PLAYER) != (playerId != null)) {
            throw new InvalidValueException("playerId", "a PLAYER key is bound to exactly one player id, other keys to none");
        }
        if (plainText.length() < 20) {
            throw new InvalidValueException("key", "an API key must have at least 20 characters");
        }
        ApiKey key = new ApiKey(id, name, hash(plainText), Set.copyOf(roles), playerId, clock.instant());
        return mongo.save(key);
    }

    public Optional<ApiKey> recognise(String plainText) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("hash").is(hash(plainText))), ApiKey.class));
    }

    public Optional<ApiKey> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, ApiKey.class));
    }

    public boolean anyWithRole(Role role) {
        return mongo.exists(Query.query(where("roles").is(role)), ApiKey.class);
    }

    static String hash(String plainText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plainText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
