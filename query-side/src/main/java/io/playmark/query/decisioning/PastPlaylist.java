package io.playmark.query.decisioning;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A screen's timeline re-resolved at a past moment from its inputs as they were then: the window's items as the
 * player downloaded them, what played at the moment and, when that was an ad slot, how the slot was decided.
 */
@Schema(name = "PastPlaylist", description = "A player's timeline resolved from its inputs as they were at a moment")
public record PastPlaylist(
        @Schema(description = "The moment asked about") Instant at,
        @Schema(description = "The resolved timeline for the window, in the shape the player's playlist endpoint sends")
        PlaylistDocument timeline,
        @Schema(description = "The item playing at the moment; absent when nothing was scheduled then")
        PlaylistDocument.Item playing,
        @Schema(description = "The ad slot covering the moment and how it was filled; absent when content played")
        AdSlot adSlot) {

    /** One ad slot: the campaign that won it (or none) and why every other campaign targeting the player lost it. */
    @Schema(name = "PastAdSlot")
    public record AdSlot(@Schema(description = "The slot's start") Instant start,
                         @Schema(description = "The slot's length, in milliseconds") long durationMs,
                         @Schema(description = "The winning campaign; absent when no campaign could play")
                         String winner,
                         @Schema(description = "Every campaign considered: the winner first, then the others by id")
                         List<Decision> campaigns) {
    }

    @Schema(name = "PastAdDecision")
    public record Decision(@Schema(description = "The campaign") String campaignId,
                           @Schema(description = "The campaign's name then") String campaignName,
                           @Schema(description = "Whether it played in the slot") boolean plays,
                           @Schema(description = "The reason, one of the decisioning reasons") Reason reason,
                           @Schema(description = "The detail a person needs to act on it") String detail) {
    }
}
