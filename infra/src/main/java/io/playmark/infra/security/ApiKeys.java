package io.playmark.infra.security;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import org.springframework.data.domain.Sort;
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
import java.util.List;
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
        return issue(UUID.randomUUID().toString(), name, roles, playerId);
    }

    /**
     * Issues a key under an id the caller chose, so that a retried request cannot issue a second key: a taken id is a
     * conflict (the first key's secret was shown once, when it was issued).
     */
    public IssuedKey issue(String id, String name, Set<Role> roles, String playerId) {
        if (findById(id).isPresent()) {
            throw new ConflictException("An API key with id " + id + " exists already; its secret was shown only "
                                                    + "when it was issued. Revoke it and issue a new one if it is lost");
        }
        String plainText = newPlainText();
        return new IssuedKey(store(id, name, roles, playerId, plainText), plainText);
    }

    /** A new key's plain text, valid once {@link #store stored}: for callers that store it only when their own write held. */
    public String newPlainText() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Every key, oldest first. */
    public List<ApiKey> all() {
        return mongo.find(new Query().with(Sort.by("createdAt", "_id")), ApiKey.class);
    }

    /**
     * Revokes a key: it no longer authenticates anyone. The last ADMIN key cannot be revoked, or nobody could
     * administer Playmark any more.
     */
    public void revoke(String id) {
        ApiKey key = findById(id).orElseThrow(() -> new NotFoundException("No API key with id " + id));
        if (key.roles().contains(Role.ADMIN)
                && mongo.count(Query.query(where("roles").is(Role.ADMIN)), ApiKey.class) == 1) {
            throw new ConflictException("API key " + id + " is the last ADMIN key and cannot be revoked");
        }
        mongo.remove(Query.query(where("_id").is(id)), ApiKey.class);
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
