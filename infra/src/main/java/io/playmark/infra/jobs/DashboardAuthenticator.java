package io.playmark.infra.jobs;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.playmark.infra.security.ApiKey;
import io.playmark.infra.security.ApiKeys;
import io.playmark.infra.security.JwtVerifier;
import io.playmark.infra.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets ADMIN callers into the job dashboard: HTTP basic with any user name and, as password, an ADMIN API key or
 * (where a JWT issuer is configured) an ADMIN token; or that token as a bearer token. Credentials are checked on
 * every request, so a revoked key stops working at once. Anyone else gets a basic challenge, so that a browser asks.
 */
final class DashboardAuthenticator extends Authenticator {

    static final String REALM = "Playmark jobs";
    private static final Logger log = LoggerFactory.getLogger(DashboardAuthenticator.class);

    private final ApiKeys keys;
    private final JwtVerifier tokens;

    DashboardAuthenticator(ApiKeys keys, JwtVerifier tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    /** Who was let in, or why not; neither names a secret. */
    private record Check(String admin, String refusal) {

        static Check admitted(String admin) {
            return new Check(admin, null);
        }

        static Check refused(String why) {
            return new Check(null, why);
        }
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            // a browser's first request carries none: it asks only after the challenge, so this is no failed attempt
            return challenge(exchange);
        }
        Check check;
        try {
            check = check(authorization.strip());
        } catch (RuntimeException e) {
            log.warn("Job dashboard: could not check the credentials of a request from {}",
                    exchange.getRemoteAddress(), e);
            return new Failure(503);
        }
        if (check.admin() != null) {
            return new Success(new HttpPrincipal(check.admin(), REALM));
        }
        log.warn("Job dashboard: refused a request from {} for {}: {}", exchange.getRemoteAddress(),
                exchange.getRequestURI().getRawPath(), check.refusal());
        return challenge(exchange);
    }

    private Check check(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        return switch (scheme) {
            case "basic" -> basicPassword(credentials).map(this::secret)
                    .orElse(Check.refused("basic credentials without a password, or not in Base64"));
            case "bearer" -> token(credentials);
            default -> Check.refused("an authorization scheme other than Basic or Bearer");
        };
    }

    /** The password of {@code user:password} in Base64; the user name does not matter. */
    private static Optional<String> basicPassword(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String password = colon < 0 ? "" : decoded.substring(colon + 1).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** A basic password: an API key, or a token where tokens are accepted. */
    private Check secret(String password) {
        Optional<ApiKey> key = keys.recognise(password);
        if (key.isPresent()) {
            return key.get().roles().contains(Role.ADMIN) ? Check.admitted("API key " + key.get().id())
                    : Check.refused("API key " + key.get().id() + " has no ADMIN role");
        }
        if (!tokens.configured()) {
            return Check.refused("a password that is no valid API key");
        }
        return tokens.verify(password).map(DashboardAuthenticator::admin)
                .orElse(Check.refused("a password that is no valid API key or token"));
    }

    private Check token(String token) {
        if (!tokens.configured()) {
            return Check.refused("a bearer token, but no JWT issuer is configured");
        }
        return tokens.verify(token).map(DashboardAuthenticator::admin)
                .orElse(Check.refused("a bearer token that is not valid"));
    }

    private static Check admin(JwtVerifier.TokenCaller caller) {
        return caller.roles().contains(Role.ADMIN) ? Check.admitted("token of " + caller.subject())
                : Check.refused("the token of " + caller.subject() + " has no ADMIN role");
    }

    private static Result challenge(HttpExchange exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return new Retry(401);
    }
}
