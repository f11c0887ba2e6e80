package io.playmark.infra.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Requests about one player, {@code /api/v1/players/{playerId}/…}: allowed to a PLAYER key bound to that player and,
 * where {@code staff} names roles, to callers with one of them. A PLAYER key for another player is refused (403).
 */
final class OwnPlayer implements AuthorizationManager<RequestAuthorizationContext> {

    static final String VARIABLE = "playerId";

    private final Set<String> staffAuthorities;

    private OwnPlayer(Role... staff) {
        this.staffAuthorities = Arrays.stream(staff).map(Role::authority).collect(Collectors.toSet());
    }

    /** Only the player's own key. */
    static OwnPlayer only() {
        return new OwnPlayer();
    }

    /** The player's own key, or any of these roles. */
    static OwnPlayer or(Role... staff) {
        return new OwnPlayer(staff);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        boolean staff = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(staffAuthorities::contains);
        String playerId = context.getVariables().get(VARIABLE);
        boolean own = caller instanceof ApiKeyAuthentication key && key.playerId() != null
                && key.playerId().equalsIgnoreCase(playerId);
        return new AuthorizationDecision(staff || own);
    }
}
