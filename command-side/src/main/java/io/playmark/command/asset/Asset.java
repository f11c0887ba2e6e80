package io.playmark.command.asset;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.AddAssetToCollectionCommand;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.ApproveAssetCommand;
import io.playmark.kernel.asset.AssetAddedToCollectionEvent;
import io.playmark.kernel.asset.AssetApprovedEvent;
import io.playmark.kernel.asset.AssetCollectionId;
import io.playmark.kernel.asset.AssetContentStoredEvent;
import io.playmark.kernel.asset.AssetDeletedEvent;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetMetadata;
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
import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.DeleteAssetCommand;
import io.playmark.kernel.asset.EditAssetMetadataCommand;
import io.playmark.kernel.asset.MoveAssetCommand;
import io.playmark.kernel.asset.RecordAssetProbeCommand;
import io.playmark.kernel.asset.RecordAssetProbeFailureCommand;
import io.playmark.kernel.asset.RecordRenditionCommand;
import io.playmark.kernel.asset.RecordRenditionFailureCommand;
import io.playmark.kernel.asset.RegisterAssetCommand;
import io.playmark.kernel.asset.RejectAssetCommand;
import io.playmark.kernel.asset.RemoveAssetFromCollectionCommand;
import io.playmark.kernel.asset.RetireAssetCommand;
import io.playmark.kernel.asset.StoredContent;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.asset.TagAssetCommand;
import io.playmark.kernel.asset.UploadAssetVersionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A media file of the library and everything that happened to it: its content versions, what probing found,
 * the renditions made, its metadata, review and place in its life. Results of media processing for an older
 * content version are ignored, and every change that would change nothing records nothing, so retries are safe.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Asset {

    /** Bounds what an asset carries in its view and its events' replay; curation rarely needs more. */
    static final int MAX_COLLECTIONS = 100;

    @AggregateIdentifier
    private String assetId;
    private String title;
    private String fileName;
    private String folder;
    private Set<String> tags = new TreeSet<>();
    private final Set<String> collections = new TreeSet<>();
    private String description;
    private Map<String, String> customFields = Map.of();
    private Instant expiresAt;
    private int contentVersion;
    private String sha256;
    private Probing probing = Probing.WAITING;
    private final Set<String> renditionsDone = new HashSet<>();
    private final Set<String> renditionsFailed = new HashSet<>();
    private Approval approval = Approval.PENDING;
    private String reviewComment;
    private AssetStatus status = AssetStatus.ACTIVE;

    private enum Probing { WAITING, PROBED, FAILED }

    protected Asset() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Asset(RegisterAssetCommand command) {
        apply(new AssetRegisteredEvent(command.assetId().value(), command.title().value(), command.fileName().value(),
                command.folder().value(), Tag.values(command.tags())));
        applyContent(command.assetId().value(), 1, command.fileName().value(), command.content());
    }

    @CommandHandler
    public void handle(UploadAssetVersionCommand command) {
        requireNotDeleted();
        if (command.content().sha256().value().equals(sha256)) {
            return;
        }
        applyContent(assetId, contentVersion + 1, command.fileName().value(), command.content());
    }

    @CommandHandler
    public void handle(RecordAssetProbeCommand command) {
        if (isCurrent(command.contentVersion()) && probing == Probing.WAITING) {
            apply(new AssetProbedEvent(assetId, command.contentVersion(), command.probe()));
        }
    }

    @CommandHandler
    public void handle(RecordAssetProbeFailureCommand command) {
        if (isCurrent(command.contentVersion()) && probing == Probing.WAITING) {
            apply(new AssetProbeFailedEvent(assetId, command.contentVersion(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(RecordRenditionCommand command) {
        if (isCurrent(command.contentVersion()) && !renditionsDone.contains(command.rendition().name())) {
            apply(new AssetRenditionProducedEvent(assetId, command.contentVersion(), command.rendition()));
        }
    }

    @CommandHandler
    public void handle(RecordRenditionFailureCommand command) {
        if (isCurrent(command.contentVersion()) && !renditionsDone.contains(command.rendition())
                && !renditionsFailed.contains(command.rendition())) {
            apply(new AssetRenditionFailedEvent(assetId, command.contentVersion(), command.rendition(),
                    command.reason()));
        }
    }

    @CommandHandler
    public void handle(EditAssetMetadataCommand command) {
        requireNotDeleted();
        AssetMetadata edited = command.metadata();
        if (edited.title().value().equals(title) && Objects.equals(edited.description(), description)
                && edited.customFields().equals(customFields) && Objects.equals(edited.expiresAt(), expiresAt)) {
            return;
        }
        apply(new AssetMetadataEditedEvent(assetId, edited.title().value(), edited.description(),
                edited.customFields(), edited.expiresAt()));
    }

    @CommandHandler
    public void handle(TagAssetCommand command) {
        requireNotDeleted();
        Set<String> removed = new TreeSet<>(Tag.values(command.remove()));
        Set<String> added = new TreeSet<>(Tag.values(command.add()));
        removed.removeAll(added);
        removed.retainAll(tags);
        added.removeAll(tags);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        Set<String> result = new TreeSet<>(tags);
        result.addAll(added);
        result.removeAll(removed);
        if (result.size() > 50) {
            throw new ConflictException("Asset " + assetId + " would have " + result.size() + " tags; at most 50");
        }
        apply(new AssetTaggedEvent(assetId, result, added, removed));
    }

    @CommandHandler
    public void handle(MoveAssetCommand command) {
        requireNotDeleted();
        if (!command.folder().value().equals(folder)) {
            apply(new AssetMovedEvent(assetId, folder, command.folder().value()));
        }
    }

    @CommandHandler
    public void handle(AddAssetToCollectionCommand command, AssetCollections known) {
        requireNotDeleted();
        AssetCollectionId collection = command.collectionId();
        if (collections.contains(collection.value())) {
            return;
        }
        if (!known.exists(collection)) {
            throw new NotFoundException("No collection with id " + collection);
        }
        if (collections.size() >= MAX_COLLECTIONS) {
            throw new ConflictException("Asset " + assetId + " is in " + MAX_COLLECTIONS + " collections; at most "
                    + MAX_COLLECTIONS);
        }
        apply(new AssetAddedToCollectionEvent(assetId, collection.value()));
    }

    /** A deleted collection may still be named here, so that an asset can be taken out of it. */
    @CommandHandler
    public void handle(RemoveAssetFromCollectionCommand command) {
        requireNotDeleted();
        if (collections.contains(command.collectionId().value())) {
            apply(new AssetRemovedFromCollectionEvent(assetId, command.collectionId().value()));
        }
    }

    @CommandHandler
    public void handle(ApproveAssetCommand command) {
        requireNotDeleted();
        if (status == AssetStatus.RETIRED) {
            throw new ConflictException("Asset " + assetId + " is retired and cannot be approved");
        }
        if (probing == Probing.WAITING) {
            throw new ConflictException("Asset " + assetId + " is still being checked; approve it once probed");
        }
        if (probing == Probing.FAILED) {
            throw new ConflictException("Asset " + assetId + " does not decode as media and cannot be approved");
        }
        if (approval != Approval.APPROVED) {
            apply(new AssetApprovedEvent(assetId, contentVersion, command.comment()));
        }
    }

    @CommandHandler
    public void handle(RejectAssetCommand command) {
        requireNotDeleted();
        if (approval != Approval.REJECTED || !command.comment().equals(reviewComment)) {
            apply(new AssetRejectedEvent(assetId, contentVersion, command.comment()));
        }
    }

    @CommandHandler
    public void handle(RetireAssetCommand command) {
        requireNotDeleted();
        if (command.expired() && (expiresAt == null || expiresAt.isAfter(Instant.now()))) {
            throw new ConflictException("Asset " + assetId + " has not expired"
                    + (expiresAt == null ? "" : "; it expires at " + expiresAt));
        }
        if (status != AssetStatus.RETIRED) {
            apply(new AssetRetiredEvent(assetId, command.reason(), command.expired()));
        }
    }

    /**
     * Deleting twice is a success, so a retried delete never fails on its own first try. An asset that a campaign
     * or a playlist uses stays until they no longer do: deleting it would leave them showing nothing.
     */
    @CommandHandler
    public void handle(DeleteAssetCommand command, AssetUses uses) {
        if (status == AssetStatus.DELETED) {
            return;
        }
        List<AssetUse> users = uses.of(new AssetId(assetId));
        if (!users.isEmpty()) {
            throw new ConflictException("Asset " + assetId + " is in use by " + users.stream().map(AssetUse::toString)
                    .collect(Collectors.joining(", ")) + "; take it out of them, or retire it, before deleting it");
        }
        // out of its collections first, so that history says the asset left them
        List.copyOf(collections).forEach(collection -> apply(new AssetRemovedFromCollectionEvent(assetId, collection)));
        apply(new AssetDeletedEvent(assetId, title, fileName, sha256));
    }

    private void applyContent(String id, int version, String name, StoredContent content) {
        apply(new AssetContentStoredEvent(id, version, name, content.sha256().value(), content.sizeBytes(),
                content.mediaType(), content.kind()));
    }

    private boolean isCurrent(int version) {
        return status != AssetStatus.DELETED && version == contentVersion;
    }

    private void requireNotDeleted() {
        if (status == AssetStatus.DELETED) {
            throw new ConflictException("Asset " + assetId + " was deleted");
        }
    }

    @EventSourcingHandler
    void on(AssetRegisteredEvent event) {
        assetId = event.assetId();
        title = event.title();
        fileName = event.fileName();
        folder = event.folder();
        tags = new TreeSet<>(event.tags());
    }

    @EventSourcingHandler
    void on(AssetContentStoredEvent event) {
        contentVersion = event.contentVersion();
        sha256 = event.sha256();
        fileName = event.fileName();
        probing = Probing.WAITING;
        renditionsDone.clear();
        renditionsFailed.clear();
        approval = Approval.PENDING;
        reviewComment = null;
    }

    @EventSourcingHandler
    void on(AssetProbedEvent event) {
        probing = Probing.PROBED;
    }

    @EventSourcingHandler
    void on(AssetProbeFailedEvent event) {
        probing = Probing.FAILED;
    }

    @EventSourcingHandler
    void on(AssetRenditionProducedEvent event) {
        renditionsDone.add(event.rendition().name());
    }

    @EventSourcingHandler
    void on(AssetRenditionFailedEvent event) {
        renditionsFailed.add(event.rendition());
    }

    @EventSourcingHandler
    void on(AssetMetadataEditedEvent event) {
        title = event.title();
        description = event.description();
        customFields = Map.copyOf(event.customFields());
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AssetTaggedEvent event) {
        tags = new TreeSet<>(event.tags());
    }

    @EventSourcingHandler
    void on(AssetMovedEvent event) {
        folder = event.toFolder();
    }

    @EventSourcingHandler
    void on(AssetAddedToCollectionEvent event) {
        collections.add(event.collectionId());
    }

    @EventSourcingHandler
    void on(AssetRemovedFromCollectionEvent event) {
        collections.remove(event.collectionId());
    }

    @EventSourcingHandler
    void on(AssetApprovedEvent event) {
        approval = Approval.APPROVED;
        reviewComment = event.comment();
    }

    @EventSourcingHandler
    void on(AssetRejectedEvent event) {
        approval = Approval.REJECTED;
        reviewComment = event.comment();
    }

    @EventSourcingHandler
    void on(AssetRetiredEvent event) {
        status = AssetStatus.RETIRED;
    }

    @EventSourcingHandler
    void on(AssetDeletedEvent event) {
        status = AssetStatus.DELETED;
    }
}
