package io.playmark.command.asset;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.AssetCollectionCreatedEvent;
import io.playmark.kernel.asset.AssetCollectionDeletedEvent;
import io.playmark.kernel.asset.AssetCollectionRenamedEvent;
import io.playmark.kernel.asset.CreateAssetCollectionCommand;
import io.playmark.kernel.asset.DeleteAssetCollectionCommand;
import io.playmark.kernel.asset.RenameAssetCollectionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A named, curated set of assets: its own aggregate for its name and life, so that who created, renamed or deleted
 * it is recorded. Which assets are in it is each asset's to record (like its folder and tags), so that adding many
 * assets answers per asset and an asset's history says who put it where.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class AssetCollection {

    @AggregateIdentifier
    private String collectionId;
    private String name;
    private boolean deleted;

    protected AssetCollection() {
        // Axon rebuilds the aggregate from its events.
    }

    /** A create retried with the same name changes nothing; another name, or a deleted collection, is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateAssetCollectionCommand command) {
        if (collectionId == null) {
            apply(new AssetCollectionCreatedEvent(command.collectionId().value(), command.name().value()));
            return;
        }
        if (deleted || !name.equals(command.name().value())) {
            throw new ConflictException("Collection " + collectionId + " already exists"
                    + (deleted ? " and was deleted" : " with the name '" + name + "'"));
        }
    }

    @CommandHandler
    public void handle(RenameAssetCollectionCommand command) {
        requireNotDeleted();
        if (!name.equals(command.name().value())) {
            apply(new AssetCollectionRenamedEvent(collectionId, command.name().value()));
        }
    }

    /** Deleting twice is a success, so that a retried delete never fails on its own first try. */
    @CommandHandler
    public void handle(DeleteAssetCollectionCommand command) {
        if (!deleted) {
            apply(new AssetCollectionDeletedEvent(collectionId, name));
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new ConflictException("Collection " + collectionId + " was deleted");
        }
    }

    @EventSourcingHandler
    void on(AssetCollectionCreatedEvent event) {
        collectionId = event.collectionId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(AssetCollectionRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(AssetCollectionDeletedEvent event) {
        deleted = true;
    }
}
