package io.playmark.infra.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A caller identified by an API key. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key, Object details) {
        super(key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.key = key;
        setDetails(details);
        setAuthenticated(true);
    }

    public String keyId() {
        return key.id();
    }

    /** The player a PLAYER key is bound to, or null. */
    public String playerId() {
        return key.playerId();
    }

    @Override
    public String getName() {
        return key.name();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return key.name();
    }

    List<Role> roles() {
        return List.copyOf(key.roles());
    }
}
