package io.playmark.infra.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks JWTs of the issuer this deployment trusts, when one is configured. One decoder (and so one cache of the
 * issuer's keys) serves both the API's filter chain and the job dashboard, which runs its own web server.
 */
@Component
public class JwtVerifier {

    private final Optional<JwtDecoder> decoder;
    private final String rolesClaim;

    JwtVerifier(@Value("${playmark.security.jwt.issuer-uri:}") String issuer,
                @Value("${playmark.security.jwt.jwk-set-uri:}") String jwkSetUri,
                @Value("${playmark.security.jwt.roles-claim}") String rolesClaim) {
        this.decoder = SecurityConfiguration.jwtDecoder(issuer, jwkSetUri);
        this.rolesClaim = rolesClaim;
    }

    /** The caller a valid token speaks for: its subject and the Playmark roles in the configured claim. */
    public record TokenCaller(String subject, Set<Role> roles) {
    }

    /** Whether tokens are accepted at all: only with an issuer or a JWK set configured. */
    public boolean configured() {
        return decoder.isPresent();
    }

    /** The token's caller, when an issuer is configured and the token is valid (signature, expiry, issuer). */
    public Optional<TokenCaller> verify(String token) {
        if (decoder.isEmpty()) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = decoder.get().decode(token);
        } catch (JwtException notValid) {
            return Optional.empty();
        }
        List<String> granted = SecurityConfiguration.authorities(jwt.getClaim(rolesClaim)).stream()
                .map(GrantedAuthority::getAuthority).toList();
        Set<Role> roles = Arrays.stream(Role.values()).filter(role -> granted.contains(role.authority()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new TokenCaller(jwt.getSubject(), roles));
    }

    Optional<JwtDecoder> decoder() {
        return decoder;
    }

    Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return SecurityConfiguration.rolesFrom(rolesClaim);
    }
}
