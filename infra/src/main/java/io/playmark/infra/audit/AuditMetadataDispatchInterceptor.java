package io.playmark.infra.audit;

import io.playmark.infra.security.ApiKeyAuthentication;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps each command with who sent it and from where, taken from the caller's security context.
 * The audit correlation provider then copies these onto every event the command produces.
 */
@Component
public class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    AuditMetadataDispatchInterceptor(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(AuditMetadata.PRINCIPAL)
                ? command
                : command.andMetaData(identityOf(SecurityContextHolder.getContext().getAuthentication()));
    }

    static Map<String, Object> identityOf(Authentication authentication) {
        Map<String, Object> identity = new HashMap<>();
        if (authentication == null || !authentication.isAuthenticated()) {
            identity.put(AuditMetadata.PRINCIPAL, "system");
            identity.put(AuditMetadata.AUTHENTICATION, "system");
            return identity;
        }
        identity.put(AuditMetadata.PRINCIPAL, authentication.getName());
        switch (authentication) {
            case ApiKeyAuthentication apiKey -> {
                identity.put(AuditMetadata.AUTHENTICATION, "api-key");
                identity.put(AuditMetadata.API_KEY_ID, apiKey.keyId());
            }
            case JwtAuthenticationToken jwt -> {
                identity.put(AuditMetadata.AUTHENTICATION, "jwt");
                identity.put(AuditMetadata.TOKEN_SUBJECT, jwt.getToken().getSubject());
            }
            default -> identity.put(AuditMetadata.AUTHENTICATION, authentication.getClass().getSimpleName());
        }
        if (authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            identity.put(AuditMetadata.CLIENT_ADDRESS, web.getRemoteAddress());
        }
        return identity;
    }
}
