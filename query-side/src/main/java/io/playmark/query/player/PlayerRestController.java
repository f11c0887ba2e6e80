package io.playmark.query.player;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.player.PlayerCredentials;
import io.playmark.kernel.player.PlayerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * Players over REST: provisioning scripts register, rotate keys and decommission (ADMIN, MANAGER), screens send
 * heartbeats with their own key, and a player is read by staff or by its own key (SecurityConfiguration says who).
 */
@RestController
@RequestMapping("/api/v1/players")
@Tag(name = "Players", description = "Screens: provisioning, heartbeats")
class PlayerRestController {

    private static final String REGISTER_EXAMPLE = """
            {"id": "5f0c3c1e-8d6b-4a51-9a0e-3f1d2c4b5a69", "name": "Lobby screen 1",
             "location": {"latitude": 52.5219, "longitude": 13.4132}, "address": "Alexanderplatz 1, 10178 Berlin",
             "timeZone": "Europe/Berlin", "tags": ["lobby", "berlin"], "resolution": {"width": 1920, "height": 1080},
             "hardwareProfile": "hd-h264", "loopLengthSeconds": 300}""";

    private final PlayerChanges changes;
    private final PlayerListing listing;
    private final PlayerPresence presence;

    PlayerRestController(PlayerChanges changes, PlayerListing listing, PlayerPresence presence) {
        this.changes = changes;
        this.listing = listing;
        this.presence = presence;
    }

    @Schema(name = "PlayerCredentials")
    record Credentials(@Schema(description = "The player's id") String id,
                       @Schema(description = "The API key, shown once: the screen sends it as X-Api-Key",
                               example = "pmk_…") String apiKey) {
    }

    @Schema(name = "Heartbeat")
    record Heartbeat(@Schema(description = "The player's id") String id,
                     @Schema(description = "The time recorded as last seen (UTC), the server's clock") Instant lastSeenAt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "registerPlayer", summary = "Register a screen and issue its API key",
            description = "Answers the player's id and its API key, shown once. Send your own `id` to make retries "
                    + "safe: the same id with the same values again answers 200 with a new key in place of the first "
                    + "(whose answer was most likely lost; the first stops working), never a second player; other "
                    + "values for a taken id, or a decommissioned player's id, are a conflict (409). "
                    + "`hardwareProfile` must be one of the configured player profiles.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PlayerInputs.RegisterPlayerInput.class),
                    examples = @ExampleObject(name = "screen", summary = "A lobby screen in Berlin",
                            value = REGISTER_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Registered; Location names the player")
    @ApiResponse(responseCode = "200", description = "A retry of an earlier registration: a new key in place of the first")
    @ProblemAnswers({CONFLICT})
    ResponseEntity<Credentials> register(@RequestBody PlayerInputs.RegisterPlayerInput input) {
        PlayerCredentials registered = changes.register(input);
        Credentials answer = new Credentials(registered.playerId(), registered.apiKey());
        return registered.created()
                ? ResponseEntity.created(URI.create("/api/v1/players/" + registered.playerId())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPlayer", summary = "Read a player",
            description = "The player with its status (online, offline, decommissioned) and last-seen time. Staff "
                    + "roles read every player; a PLAYER key only its own.")
    @ApiResponse(responseCode = "200", description = "The player")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    PlayerNode get(@PathVariable String id) {
        return listing.node(changes.player(new PlayerId(id)));
    }

    @PostMapping("/{id}/api-key")
    @Operation(operationId = "rotatePlayerApiKey", summary = "Issue a player a new API key",
            description = "Answers the new key, shown once; the old one stops working at once. A decommissioned "
                    + "player gets no key (409). ADMIN and MANAGER.")
    @ApiResponse(responseCode = "200", description = "The new key")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND, CONFLICT})
    Credentials rotateKey(@PathVariable String id) {
        PlayerCredentials rotated = changes.rotateKey(id);
        return new Credentials(rotated.playerId(), rotated.apiKey());
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "decommissionPlayer", summary = "Decommission a player",
            description = "Takes the player out of service for good: its key is revoked, it leaves every group and is "
                    + "targeted no more; it stays readable, with status DECOMMISSIONED. Decommissioning again changes "
                    + "nothing. ADMIN and MANAGER.")
    @ApiResponse(responseCode = "200", description = "The player, decommissioned")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    PlayerNode decommission(@PathVariable String id) {
        return listing.node(changes.decommission(id));
    }

    @PostMapping("/{id}/heartbeat")
    @Operation(operationId = "sendPlayerHeartbeat", summary = "Tell Playmark the screen is alive",
            description = "Only with the player's own key. Records now as its last-seen time (no event: only the "
                    + "latest time is kept); the player counts as online until playmark.players.offline-after "
                    + "passes without another. A screen sends one every minute or so.")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND, CONFLICT})
    Heartbeat heartbeat(@PathVariable String id) {
        PlayerView player = changes.player(new PlayerId(id));
        if (player.decommissioned()) {
            throw new ConflictException("Player " + player.id() + " is decommissioned");
        }
        return new Heartbeat(player.id(), presence.seenNow(new PlayerId(player.id())));
    }
}
