package io.playmark.infra.audit;

import java.util.List;

/** The metadata keys every command, and so every event, carries for audit. */
public final class AuditMetadata {

    /** The id of the message that started the flow. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message being handled when the event was applied. */
    public static final String CAUSATION_ID = "causationId";
    /** Who asked: the API key's name or the token's subject; "system" for Playmark's own work. */
    public static final String PRINCIPAL = "principal";
    /** "api-key", "jwt" or "system". */
    public static final String AUTHENTICATION = "authentication";
    public static final String API_KEY_ID = "apiKeyId";
    public static final String TOKEN_SUBJECT = "tokenSubject";
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** The keys copied from a command onto the events it produces. */
    public static final List<String> IDENTITY_KEYS =
            List.of(PRINCIPAL, AUTHENTICATION, API_KEY_ID, TOKEN_SUBJECT, CLIENT_ADDRESS);

    private AuditMetadata() {
    }
}
