package io.playmark.query.decisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignPlan;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A player's resolved timeline as the player downloads it: every item with its start in UTC and on the player's
 * wall clock, its length, its asset and, for an ad, its campaign; each asset's file (and each campaign's name) once,
 * in {@code files} (and {@code campaigns}), since a day's timeline repeats a few assets thousands of times.
 * {@code problems} names scheduled content the player cannot show, which is left out.
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
        @Schema(description = "The file to download and play for each asset in items, by asset id")
        Map<String, File> files,
        @Schema(description = "The name of each campaign in items, by campaign id") Map<String, String> campaigns,
        @Schema(description = "Scheduled content that cannot play, and why") List<String> problems) {

    /** Content leaves out the campaign: a day's playlist has thousands of items. */
    @Schema(name = "PlaylistItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(@Schema(description = "When it starts (UTC)") Instant start,
                @Schema(description = "When it starts on the player's wall clock, with the offset in force")
                OffsetDateTime localStart,
                @Schema(description = "How long it plays, in milliseconds") long durationMs,
                @Schema(description = "CONTENT from a schedule's playlist, or AD in an ad slot") String kind,
                @Schema(description = "The asset; its file is in files") String assetId,
                @Schema(description = "The ad's campaign; absent for content") String campaignId) {
    }

    @Schema(name = "PlaylistFile")
    record File(@Schema(description = "The asset's title") String title,
                @Schema(description = "Where to download it, on this API", example = "/api/v1/assets/…/renditions/video-720p")
                String url,
                @Schema(description = "ORIGINAL or the rendition's name") String source,
                @Schema(description = "SHA-256 of the file, hex") String sha256,
                @Schema(description = "Size in bytes") long sizeBytes,
                @Schema(description = "Media type", example = "video/mp4") String mediaType) {

        static File of(PlayableFile file) {
            return new File(file.title(), file.path(), file.source(), file.sha256(), file.sizeBytes(),
                    file.mediaType());
        }
    }

    static PlaylistDocument of(DecisionInputs.Inputs inputs, Instant from, Instant to, Timeline timeline) {
        Map<String, PlayableFile> playable = inputs.files();
        Map<String, String> names = inputs.plans().stream()
                .collect(Collectors.toMap(plan -> plan.id().value(), CampaignPlan::name));
        List<Item> items = timeline.items().stream().filter(item -> playable.containsKey(item.assetId()))
                .map(item -> new Item(item.start(), item.start().atZone(inputs.player().zone()).toOffsetDateTime(),
                        item.duration().toMillis(), item.campaignId() == null ? "CONTENT" : "AD", item.assetId(),
                        item.campaignId())).toList();
        Map<String, File> files = new TreeMap<>();
        Map<String, String> campaigns = new TreeMap<>();
        for (Item item : items) {
            files.computeIfAbsent(item.assetId(), asset -> File.of(playable.get(asset)));
            if (item.campaignId() != null) {
                campaigns.computeIfAbsent(item.campaignId(), names::get);
            }
        }
        List<String> problems = timeline.items().stream().map(TimelineItem::assetId)
                .filter(asset -> !playable.containsKey(asset)).distinct().sorted()
                .map(asset -> "asset " + asset + " is scheduled but is not approved and active, or the "
                        + inputs.player().hardwareProfile() + " profile cannot play it").toList();
        return new PlaylistDocument(inputs.player().id().value(), inputs.player().name(), inputs.player().zone().getId(),
                inputs.player().hardwareProfile(), from, to, items, files, campaigns, problems);
    }
}
