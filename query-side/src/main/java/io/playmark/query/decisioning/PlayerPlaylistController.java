package io.playmark.query.decisioning;

import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.player.PlayerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.util.Arrays;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * What a screen plays, over REST: its resolved playlist for a window (its own key, or a manager), a stream that
 * tells it when that changes, and for staff, why a campaign's ad plays at a moment or not.
 */
@RestController
@RequestMapping("/api/v1/players/{id}")
@Tag(name = "Playlists", description = "Ad decisioning: what each screen plays, and why")
class PlayerPlaylistController {

    private final PlayerPlaylists playlists;
    private final PlaylistChangeStreams streams;
    private final AdExplanations explanations;
    private final Clock clock;

    PlayerPlaylistController(PlayerPlaylists playlists, PlaylistChangeStreams streams, AdExplanations explanations,
                             Clock clock) {
        this.playlists = playlists;
        this.streams = streams;
        this.explanations = explanations;
        this.clock = clock;
    }

    @GetMapping(value = "/playlist", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPlayerPlaylist", summary = "The player's resolved playlist for a window",
            description = "Every item the screen plays from `from` to `to` (at most 48 hours), with its start in UTC "
                    + "and on the player's wall clock, its length, the file for the player's hardware profile (URL, "
                    + "SHA-256, size) and, for an ad, its campaign, so a screen can run offline. The same state and "
                    + "window always give the same answer, with a strong ETag: send it as If-None-Match to get 304 "
                    + "while nothing changed. Send `Accept-Encoding: gzip` for the compressed form (its ETag ends "
                    + "in -gzip; either ETag revalidates). Without `from` and `to`: the current UTC hour and the 24 hours from "
                    + "it. The player's own key, ADMIN or MANAGER.")
    @ApiResponse(responseCode = "200", description = "The playlist; ETag names this answer")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            content = @Content)
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    ResponseEntity<byte[]> playlist(
            @PathVariable String id,
            @Parameter(description = "The window's start, ISO 8601 with offset", example = "2026-12-03T09:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = "The window's end, at most 48 hours after from", example = "2026-12-04T09:00:00Z")
            @RequestParam(required = false) String to,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        PlaylistWindow window = PlaylistWindow.of(from, to, clock);
        PlayerPlaylists.Answer answer = playlists.playlist(new PlayerId(id), window.from(), window.to());
        boolean gzip = acceptEncoding != null && Arrays.stream(acceptEncoding.split(","))
                .map(coding -> coding.strip().split(";")[0]).anyMatch("gzip"::equalsIgnoreCase);
        String etag = gzip ? answer.gzipEtag() : answer.etag();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(answer.etag()) || tag.equals(answer.gzipEtag()) || tag.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache())
                    .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").contentType(MediaType.APPLICATION_JSON)
                .body(answer.gzip()) : response.contentType(MediaType.APPLICATION_JSON).body(answer.json());
    }

    @GetMapping(value = "/playlist/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "watchPlayerPlaylist", summary = "Hear when the player's playlist changes",
            description = "A server-sent-events stream. Its first `playlist-changed` event carries the current "
                    + "ETag of the playlist for the default window (the current UTC hour and 24 hours on); another "
                    + "follows, within a second, whenever that playlist changes: fetch it again then. Comments keep "
                    + "the connection open; reconnect when it closes. The player's own key, ADMIN or MANAGER.")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = String.class,
            example = "event:playlist-changed\nid:\"3q2-7w\"\ndata:{\"playerId\":\"…\",\"from\":\"2026-12-03T09:00:00Z\","
                    + "\"to\":\"2026-12-04T09:00:00Z\",\"etag\":\"\\\"3q2-7w\\\"\"}")))
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    SseEmitter changes(@PathVariable String id) {
        return streams.open(new PlayerId(id));
    }

    @GetMapping(value = "/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "explainAd", summary = "Why a campaign's ad plays on the player at a moment, or not",
            description = "The reason, one of PLAYS, NOT_TARGETED, PAUSED, NOT_ACTIVE, OUT_OF_FLIGHT, "
                    + "OUTSIDE_DAYPART (with the local time evaluated), NO_PLAYABLE_CREATIVE, NO_AD_SLOT, PREEMPTED "
                    + "(naming the campaign that plays), CAP_REACHED or SEPARATION, and the detail behind it. "
                    + "ADMIN, MANAGER and ANALYST.")
    @ApiResponse(responseCode = "200", description = "The explanation")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    AdExplanations.Answer explain(
            @PathVariable String id,
            @Parameter(description = "The campaign", required = true) @RequestParam String campaignId,
            @Parameter(description = "The moment, ISO 8601 with offset", required = true,
                    example = "2026-12-03T21:30:00+01:00") @RequestParam String at) {
        return explanations.explain(new PlayerId(id), new CampaignId(campaignId), PlaylistWindow.instant("at", at));
    }
}
