package io.playmark.infra.security;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Administrators issue, list and revoke API keys: one per screen (PLAYER, bound to its player id), per
 * dashboard or per script. A key's secret is in the answer to its issue and nowhere else. ADMIN only.
 */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
@Tag(name = "API keys", description = "Keys for screens, dashboards and scripts (ADMIN only)")
class ApiKeysController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeysController.class);
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeys keys;

    ApiKeysController(ApiKeys keys) {
        this.keys = keys;
    }

    /**
     * @param id       optional: a UUID chosen by the client, so that a retried request cannot issue a second key
     * @param playerId required for, and only for, a key with the PLAYER role
     */
    record IssueApiKeyRequest(
            @Schema(description = "A UUID of your choosing, so that a retry cannot issue a second key",
                    example = "0b5e8f7e-3c57-4a52-9a58-0f6d1b2a9c44", nullable = true) String id,
            @Schema(description = "Who or what the key is for; at most 100 characters", example = "Lobby dashboard",
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "At least one role", requiredMode = Schema.RequiredMode.REQUIRED) Set<Role> roles,
            @Schema(description = "The player the key is bound to: required with, and only with, the PLAYER role",
                    example = "screen-7", nullable = true) String playerId) {
    }

    /** A key as listed: never its secret, nor the secret's hash. */
    record ApiKeyView(String id, String name, Set<Role> roles, String playerId, Instant createdAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.roles(), key.playerId(), key.createdAt());
        }
    }

    /** A key just issued, with its secret: send it as X-Api-Key. It is not shown again. */
    record IssuedApiKeyView(String id, String name, Set<Role> roles, String playerId, Instant createdAt, String key) {
    }

    @PostMapping
    @Operation(operationId = "issueApiKey",
            summary = "Issue an API key", description = "The answer holds the key's secret, shown this once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", examples = {
                    @ExampleObject(name = "dashboard", summary = "A read-only key for a dashboard",
                            value = "{\"name\": \"Lobby dashboard\", \"roles\": [\"ANALYST\"]}"),
                    @ExampleObject(name = "screen", summary = "A key bound to one screen, retry-safe",
                            value = "{\"id\": \"0b5e8f7e-3c57-4a52-9a58-0f6d1b2a9c44\", \"name\": \"Screen 7\", "
                                    + "\"roles\": [\"PLAYER\"], \"playerId\": \"screen-7\"}")})))
    @ApiResponse(responseCode = "201", description = "Issued; the Location header names the new key")
    @ProblemAnswers(CONFLICT)
    ResponseEntity<IssuedApiKeyView> issue(@RequestBody IssueApiKeyRequest request, Authentication caller) {
        String id = request.id() == null ? UUID.randomUUID().toString() : uuid(request.id());
        ApiKeys.IssuedKey issued = keys.issue(id, Texts.requireText("name", request.name(), MAX_NAME_LENGTH),
                                              request.roles() == null ? Set.of() : request.roles(),
                                              blankToNull(request.playerId()));
        ApiKey key = issued.key();
        log.info("API key {} ('{}', roles {}{}) issued by {}", key.id(), key.name(), key.roles(),
                 key.playerId() == null ? "" : ", player " + key.playerId(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + key.id()))
                             .body(new IssuedApiKeyView(key.id(), key.name(), key.roles(), key.playerId(),
                                                        key.createdAt(), issued.plainText()));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys",
            summary = "List API keys", description = "Every key, oldest first, without secrets.")
    List<ApiKeyView> list() {
        return keys.all().stream().map(ApiKeyView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApiKey",
            summary = "Read one API key", description = "Without its secret.")
    @ProblemAnswers(NOT_FOUND)
    ApiKeyView get(@PathVariable String id) {
        return keys.findById(id).map(ApiKeyView::of)
                   .orElseThrow(() -> new NotFoundException("No API key with id " + id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiKey",
            summary = "Revoke an API key", description = "It stops working at once. The last ADMIN key cannot "
            + "be revoked (409).")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ProblemAnswers({NOT_FOUND, CONFLICT})
    ResponseEntity<Void> revoke(@PathVariable String id, Authentication caller) {
        keys.revoke(id);
        log.info("API key {} revoked by {}", id, caller.getName());
        return ResponseEntity.noContent().build();
    }

    private static String uuid(String id) {
        try {
            return UUID.fromString(id.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "id must be a UUID, was '" + id + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
