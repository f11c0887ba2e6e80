package io.playmark.query.decisioning;

import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignPlan;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A player's resolved timeline as the player downloads it: every item with its start in UTC and on the player's
 * wall clock, its length, the file to play and, for an ad, its campaign. {@code problems} names scheduled content
 * the player cannot show (not approved, retired, or not playable on its hardware), which is left out.
 */
@Schema(name = "Playlist", description = "A player's resolved timeline for a window")
record PlaylistDocument(
        @Schema(description = "The player") String playerId,
        @Schema(description = "The player's name") String playerName,
        @Schema(description = "The player's IANA time zone", example = "Europe/Berlin") String timeZone,
        @Schema(description = "The player's hardware profile, which chose the files", example = "hd-h264")
        String hardwareProfile,
        @Schema(description = "The window's start (UTC)") Instant from,
        @Schema(description = "The window's end (UTC)") Instant to,
        @Schema(description = "What plays, in order") List<Item> items,
        @Schema(description = "Scheduled content that cannot play, and why") List<String> problems) {

    @Schema(name = "PlaylistItem")
    record Item(@Schema(description = "When it starts (UTC)") Instant start,
                @Schema(description = "When it starts on the player's wall clock, with the offset in force")
                OffsetDateTime localStart,
                @Schema(description = "How long it plays, in milliseconds") long durationMs,
                @Schema(description = "CONTENT from a schedule's playlist, or AD in an ad slot") String kind,
                @Schema(description = "The asset") String assetId,
                @Schema(description = "The asset's title") String title,
                @Schema(description = "The ad's campaign; absent for content") String campaignId,
                @Schema(description = "The ad's campaign name; absent for content") String campaignName,
                @Schema(description = "The file to download and play") File file) {
    }

    @Schema(name = "PlaylistFile")
    record File(@Schema(description = "Where to download it, on this API", example = "/api/v1/assets/…/renditions/video-720p")
                String url,
                @Schema(description = "ORIGINAL or the rendition's name") String source,
                @Schema(description = "SHA-256 of the file, hex") String sha256,
                @Schema(description = "Size in bytes") long sizeBytes,
                @Schema(description = "Media type", example = "video/mp4") String mediaType) {

        static File of(PlayableFile file) {
            return new File(file.path(), file.source(), file.sha256(), file.sizeBytes(), file.mediaType());
        }
    }

    static PlaylistDocument of(DecisionInputs.Inputs inputs, Instant from, Instant to, Timeline timeline) {
        Map<String, PlayableFile> files = inputs.files();
        Map<String, String> campaignNames = inputs.plans().stream()
                .collect(java.util.stream.Collectors.toMap(plan -> plan.id().value(), CampaignPlan::name));
        List<Item> items = timeline.items().stream().filter(item -> files.containsKey(item.assetId()))
                .map(item -> {
                    PlayableFile file = files.get(item.assetId());
                    return new Item(item.start(), item.start().atZone(inputs.player().zone()).toOffsetDateTime(),
                            item.duration().toMillis(), item.campaignId() == null ? "CONTENT" : "AD", item.assetId(),
                            file.title(), item.campaignId(),
                            item.campaignId() == null ? null : campaignNames.get(item.campaignId()), File.of(file));
                }).toList();
        List<String> problems = timeline.items().stream().map(TimelineItem::assetId)
                .filter(asset -> !files.containsKey(asset)).distinct().sorted()
                .map(asset -> "asset " + asset + " is scheduled but is not approved and active, or the "
                        + inputs.player().hardwareProfile() + " profile cannot play it").toList();
        return new PlaylistDocument(inputs.player().id().value(), inputs.player().name(), inputs.player().zone().getId(),
                inputs.player().hardwareProfile(), from, to, items, problems);
    }
}
