package io.playmark.query.asset;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.Rendition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An asset as the library shows it: its metadata, its current content (with what probing found and the
 * renditions made from it), the history of its content versions, its review and its place in its life. A
 * deleted asset keeps its view, with status DELETED, so that it can still be named.
 *
 * @param collectionIds     the collections it is in, by id; null in views written before collections
 * @param probeFailure      why the current content could not be probed; null when it was, or is still waiting
 * @param playableBy        the player profiles that play it, and from which file; empty: flagged, nothing plays it
 * @param reviewedBy        who approved or rejected the current content, from the event's principal
 * @param version           the aggregate sequence number of the last event applied, so that a replayed or
 *                          redelivered event never rolls the view back
 */
@Document(AssetView.COLLECTION)
public record AssetView(@Id String id, String title, String description, String fileName, String folder,
                        List<String> tags, List<String> collectionIds, List<CustomField> customFields, Instant expiresAt, MediaKind kind,
                        String mediaType, long sizeBytes, String sha256, int contentVersion,
                        List<ContentVersion> versions, MediaProbe probe, String probeFailure,
                        List<Rendition> renditions, List<RenditionFailure> renditionFailures, Approval approval,
                        String reviewComment, String reviewedBy, Instant reviewedAt, AssetStatus status,
                        String retiredReason, List<PlayerCompatibility.Playable> playableBy, boolean playable,
                        Instant createdAt, Instant updatedAt, String createdBy, String updatedBy, long version) {

    public static final String COLLECTION = "assets";

    /** A custom field as the metadata editor shows it (a list, since field names may hold dots). */
    public record CustomField(String key, String value) {
    }

    /** One version of the content, as it was stored. */
    public record ContentVersion(int contentVersion, String fileName, String sha256, long sizeBytes, String mediaType,
                                 Instant storedAt, String storedBy) {
    }

    /** A rendition of the current content that could not be made, and why. */
    public record RenditionFailure(String name, String reason) {
    }

    public Optional<Rendition> rendition(String name) {
        return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The file a player of this profile downloads, when the asset is approved, active and playable by the profile:
     * the original or the rendition the compatibility check chose.
     */
    public Optional<PlayableFile> playableFile(String profile) {
        if (approval != Approval.APPROVED || status != AssetStatus.ACTIVE) {
            return Optional.empty();
        }
        Long duration = probe == null ? null : probe.durationMillis();
        return playableBy.stream().filter(playable -> playable.profile().equals(profile)).findFirst()
                .flatMap(playable -> PlayerCompatibility.ORIGINAL.equals(playable.source())
                        ? Optional.of(new PlayableFile(id, title, playable.source(), "/api/v1/assets/" + id + "/content",
                                sha256, sizeBytes, mediaType, duration))
                        : rendition(playable.source()).map(r -> new PlayableFile(id, title, r.name(),
                                "/api/v1/assets/" + id + "/renditions/" + r.name(), r.sha256(), r.sizeBytes(),
                                r.mediaType(), duration)));
    }

    /** The content and its renditions together: what the asset keeps in storage. */
    public long storedBytes() {
        return sizeBytes + renditions.stream().mapToLong(Rendition::sizeBytes).sum();
    }
}
