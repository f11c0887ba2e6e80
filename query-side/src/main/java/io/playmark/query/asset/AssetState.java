package io.playmark.query.asset;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetAddedToCollectionEvent;
import io.playmark.kernel.asset.AssetApprovedEvent;
import io.playmark.kernel.asset.AssetContentStoredEvent;
import io.playmark.kernel.asset.AssetDeletedEvent;
import io.playmark.kernel.asset.AssetEvent;
import io.playmark.kernel.asset.AssetMetadataEditedEvent;
import io.playmark.kernel.asset.AssetMovedEvent;
import io.playmark.kernel.asset.AssetProbeFailedEvent;
import io.playmark.kernel.asset.AssetProbedEvent;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.AssetRejectedEvent;
import io.playmark.kernel.asset.AssetRemovedFromCollectionEvent;
import io.playmark.kernel.asset.AssetRenditionFailedEvent;
import io.playmark.kernel.asset.AssetRenditionProducedEvent;
import io.playmark.kernel.asset.AssetRetiredEvent;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.AssetTaggedEvent;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.Rendition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An asset's view while events are applied to it: both asset projections (MongoDB and Elasticsearch) follow an
 * asset's life through this one class, so that they cannot tell it differently.
 */
final class AssetState {

    private final String id;
    private String title;
    private String description;
    private String fileName;
    private String folder;
    private List<String> tags;
    private final Set<String> collectionIds = new TreeSet<>();
    private List<AssetView.CustomField> customFields;
    private Instant expiresAt;
    private MediaKind kind;
    private String mediaType;
    private long sizeBytes;
    private String sha256;
    private int contentVersion;
    private final List<AssetView.ContentVersion> versions;
    private MediaProbe probe;
    private String probeFailure;
    private final Map<String, Rendition> renditions = new TreeMap<>();
    private final Map<String, String> renditionFailures = new TreeMap<>();
    private Approval approval;
    private String reviewComment;
    private String reviewedBy;
    private Instant reviewedAt;
    private AssetStatus status;
    private String retiredReason;
    private final Instant createdAt;
    private Instant updatedAt;
    private final String createdBy;
    private String updatedBy;

    private AssetState(String id, Instant createdAt, String createdBy, List<AssetView.ContentVersion> versions) {
        this.id = id;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.versions = new ArrayList<>(versions);
    }

    static AssetState registered(AssetRegisteredEvent event, Instant at, String principal) {
        AssetState state = new AssetState(event.assetId(), at, principal, List.of());
        state.title = event.title();
        state.fileName = event.fileName();
        state.folder = event.folder();
        state.tags = event.tags().stream().sorted().toList();
        state.customFields = List.of();
        state.approval = Approval.PENDING;
        state.status = AssetStatus.ACTIVE;
        state.updatedAt = at;
        state.updatedBy = principal;
        return state;
    }

    static AssetState of(AssetView view) {
        AssetState state = new AssetState(view.id(), view.createdAt(), view.createdBy(), view.versions());
        state.title = view.title();
        state.description = view.description();
        state.fileName = view.fileName();
        state.folder = view.folder();
        state.tags = view.tags();
        if (view.collectionIds() != null) {
            state.collectionIds.addAll(view.collectionIds());
        }
        state.customFields = view.customFields();
        state.expiresAt = view.expiresAt();
        state.kind = view.kind();
        state.mediaType = view.mediaType();
        state.sizeBytes = view.sizeBytes();
        state.sha256 = view.sha256();
        state.contentVersion = view.contentVersion();
        state.probe = view.probe();
        state.probeFailure = view.probeFailure();
        view.renditions().forEach(r -> state.renditions.put(r.name(), r));
        view.renditionFailures().forEach(f -> state.renditionFailures.put(f.name(), f.reason()));
        state.approval = view.approval();
        state.reviewComment = view.reviewComment();
        state.reviewedBy = view.reviewedBy();
        state.reviewedAt = view.reviewedAt();
        state.status = view.status();
        state.retiredReason = view.retiredReason();
        state.updatedAt = view.updatedAt();
        state.updatedBy = view.updatedBy();
        return state;
    }

    /** Applies a later event; processing results for another content version than the current one change nothing. */
    void apply(AssetEvent event, Instant at, String principal) {
        switch (event) {
            case AssetRegisteredEvent registered -> {
                // the first event made this state
            }
            case AssetContentStoredEvent stored -> {
                contentVersion = stored.contentVersion();
                fileName = stored.fileName();
                sha256 = stored.sha256();
                sizeBytes = stored.sizeBytes();
                mediaType = stored.mediaType();
                kind = stored.kind();
                versions.add(new AssetView.ContentVersion(stored.contentVersion(), stored.fileName(), stored.sha256(),
                        stored.sizeBytes(), stored.mediaType(), at, principal));
                probe = null;
                probeFailure = null;
                renditions.clear();
                renditionFailures.clear();
                approval = Approval.PENDING;
                reviewComment = null;
                reviewedBy = null;
                reviewedAt = null;
            }
            case AssetProbedEvent probed -> {
                if (probed.contentVersion() == contentVersion) {
                    probe = probed.probe();
                }
            }
            case AssetProbeFailedEvent failed -> {
                if (failed.contentVersion() == contentVersion) {
                    probeFailure = failed.reason();
                }
            }
            case AssetRenditionProducedEvent produced -> {
                if (produced.contentVersion() == contentVersion) {
                    renditions.put(produced.rendition().name(), produced.rendition());
                    renditionFailures.remove(produced.rendition().name());
                }
            }
            case AssetRenditionFailedEvent failed -> {
                if (failed.contentVersion() == contentVersion) {
                    renditionFailures.put(failed.rendition(), failed.reason());
                }
            }
            case AssetMetadataEditedEvent edited -> {
                title = edited.title();
                description = edited.description();
                customFields = edited.customFields().entrySet().stream()
                        .map(e -> new AssetView.CustomField(e.getKey(), e.getValue())).toList();
                expiresAt = edited.expiresAt();
            }
            case AssetTaggedEvent tagged -> tags = tagged.tags().stream().sorted().toList();
            case AssetMovedEvent moved -> folder = moved.toFolder();
            case AssetAddedToCollectionEvent added -> collectionIds.add(added.collectionId());
            case AssetRemovedFromCollectionEvent removed -> collectionIds.remove(removed.collectionId());
            case AssetApprovedEvent approved -> reviewed(Approval.APPROVED, approved.comment(), at, principal);
            case AssetRejectedEvent rejected -> reviewed(Approval.REJECTED, rejected.comment(), at, principal);
            case AssetRetiredEvent retired -> {
                status = AssetStatus.RETIRED;
                retiredReason = retired.reason();
            }
            case AssetDeletedEvent deleted -> status = AssetStatus.DELETED;
        }
        updatedAt = at;
        updatedBy = principal;
    }

    private void reviewed(Approval outcome, String comment, Instant at, String principal) {
        approval = outcome;
        reviewComment = comment;
        reviewedAt = at;
        reviewedBy = principal;
    }

    /** The blobs the asset refers to: its current content and that content's renditions, none once deleted. */
    Set<String> blobs() {
        Set<String> blobs = new LinkedHashSet<>();
        if (status != AssetStatus.DELETED) {
            if (sha256 != null) {
                blobs.add(sha256);
            }
            renditions.values().forEach(r -> blobs.add(r.sha256()));
        }
        return blobs;
    }

    AssetView view(long version, PlayerCompatibility compatibility) {
        List<Rendition> made = List.copyOf(renditions.values());
        List<PlayerCompatibility.Playable> playableBy = kind == null ? List.of()
                : compatibility.playableBy(kind, mediaType, probe, made);
        return new AssetView(id, title, description, fileName, folder, tags, List.copyOf(collectionIds), customFields,
                expiresAt, kind, mediaType, sizeBytes, sha256, contentVersion, List.copyOf(versions), probe,
                probeFailure, made,
                renditionFailures.entrySet().stream().map(e -> new AssetView.RenditionFailure(e.getKey(), e.getValue()))
                        .toList(),
                approval, reviewComment, reviewedBy, reviewedAt, status, retiredReason, playableBy,
                !playableBy.isEmpty(), createdAt, updatedAt, createdBy, updatedBy, version);
    }
}
