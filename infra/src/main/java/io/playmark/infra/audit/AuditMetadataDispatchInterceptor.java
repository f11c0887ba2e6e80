package io.playmark.infra.audit;

import io.playmark.infra.security.ApiKeyAuthentication;
import io.playmark.infra.web.RequestCorrelation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
                : command.andMetaData(requestIdentity());
    }

    /**
     * Who asked, and the request's correlation id as the flow's: Axon's origin provider keeps a correlation id the
     * command already carries, so the events of a request name the id its caller saw in {@code X-Correlation-Id}.
     */
    static Map<String, Object> requestIdentity() {
        Map<String, Object> identity = identityOf(SecurityContextHolder.getContext().getAuthentication());
        String correlation = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? RequestCorrelation.of(request.getRequest()) : null;
        if (correlation != null) {
            identity.put(AuditMetadata.CORRELATION_ID, correlation);
        }
        return identity;
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
