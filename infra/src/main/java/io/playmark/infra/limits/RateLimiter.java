package io.playmark.infra.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.playmark.infra.limits.RateLimitProperties.Quota;
import io.playmark.infra.security.ApiKeyAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Takes one token from the caller's bucket: an API key's (or a token subject's), sized by its role, or, for a caller
 * without credentials, its client address's.
 */
@Component
public class RateLimiter {

    /**
     * A quota as the RateLimit headers name it.
     *
     * @param header its RateLimit-Policy value
     */
    record Policy(String name, Quota quota, BucketConfiguration buckets, String header) {

        static Policy of(String name, Quota quota) {
            return new Policy(name, quota, BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(quota.capacity()).refillGreedy(quota.capacity(), quota.window()))
                    .build(), RateLimitHeaders.policy(name, quota));
        }
    }

    /** @param probe what the bucket says: whether the token was taken, what is left, how long until more */
    record Decision(Policy policy, ConsumptionProbe probe) {

        boolean allowed() {
            return probe.isConsumed();
        }
    }

    static final String PER_KEY = "per-key";
    static final String PER_ADDRESS = "per-address";

    private final RateLimitBuckets buckets;
    /** By granted authority ({@code ROLE_PLAYER}, …). */
    private final Map<String, Policy> byAuthority = new HashMap<>();
    private final Policy perKeyWithoutRole;
    private final Policy perAddress;

    RateLimiter(RateLimitBuckets buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        properties.roles().forEach((role, quota) -> byAuthority.put(role.authority(), Policy.of(PER_KEY, quota)));
        this.perKeyWithoutRole = Policy.of(PER_KEY, properties.anonymous());
        this.perAddress = Policy.of(PER_ADDRESS, properties.anonymous());
    }

    Decision consume(Authentication caller, HttpServletRequest request) {
        String identity = identity(caller);
        Policy policy = identity == null ? perAddress : policyOf(caller);
        // the quota is part of the bucket's name: a token subject whose roles changed, or a key id issued again with
        // other roles, gets a bucket of its new size rather than the old one
        String bucket = (identity == null ? "address:" + request.getRemoteAddr() : identity) + "|" + policy.header();
        return new Decision(policy, buckets.bucketOf(bucket, policy.buckets()).tryConsumeAndReturnRemaining(1));
    }

    /** Who is asking, for callers with credentials; null for anonymous ones. */
    private static String identity(Authentication caller) {
        return switch (caller) {
            case ApiKeyAuthentication key -> "key:" + key.keyId();
            case JwtAuthenticationToken token -> "token:" + token.getToken().getSubject();
            case null -> null;
            case AnonymousAuthenticationToken anonymous -> null;
            default -> caller.isAuthenticated() ? "principal:" + caller.getName() : null;
        };
    }

    /** The most generous quota among the caller's roles: an ADMIN key that is also something else is still an ADMIN. */
    private Policy policyOf(Authentication caller) {
        Policy best = null;
        for (GrantedAuthority authority : caller.getAuthorities()) {
            Policy candidate = byAuthority.get(authority.getAuthority());
            if (candidate != null && (best == null || candidate.quota().capacity() > best.quota().capacity())) {
                best = candidate;
            }
        }
        return best == null ? perKeyWithoutRole : best;
    }
}
