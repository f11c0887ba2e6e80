package io.playmark.query.asset;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.AddAssetToCollectionCommand;
import io.playmark.kernel.asset.ApproveAssetCommand;
import io.playmark.kernel.asset.AssetCollectionId;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.DeleteAssetCommand;
import io.playmark.kernel.asset.FindAssetQuery;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.MoveAssetCommand;
import io.playmark.kernel.asset.RejectAssetCommand;
import io.playmark.kernel.asset.RemoveAssetFromCollectionCommand;
import io.playmark.kernel.asset.RetireAssetCommand;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.asset.TagAssetCommand;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Batch changes of assets, for GraphQL and REST alike: each item's command is sent on its own, so one failing item
 * never fails the others, and the answer reads every changed asset once the asset projections have caught up.
 */
@Component
class AssetBatches {

    private static final Logger log = LoggerFactory.getLogger(AssetBatches.class);
    static final List<String> PROJECTIONS =
            List.of(AssetReadModelProjection.PROCESSING_GROUP, AssetSearchProjection.PROCESSING_GROUP);
    /** A change of collections also waits for the collections' own projection, which lists their assets. */
    private static final List<String> WITH_COLLECTIONS = List.of(AssetReadModelProjection.PROCESSING_GROUP,
            AssetSearchProjection.PROCESSING_GROUP, AssetCollectionProjection.PROCESSING_GROUP);
    static final int MAX_BATCH = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;

    AssetBatches(CommandGateway commands, QueryGateway queries, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    /**
     * Sends each item's command and records its failure, if any; then waits for the projections of the changed
     * assets and reads them.
     */
    private List<AssetBatchResult> run(List<String> ids, Function<AssetId, Object> command) {
        return run(ids, command, PROJECTIONS);
    }

    private List<AssetBatchResult> run(List<String> ids, Function<AssetId, Object> command,
                                       List<String> projections) {
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw new InvalidValueException("ids", "between 1 and " + MAX_BATCH + " ids, " + ids.size()
                    + " were given");
        }
        Map<String, AssetBatchResult> failures = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                AssetId assetId = new AssetId(id);
                commands.sendAndWait(command.apply(assetId));
            } catch (RuntimeException failure) {
                failures.put(id, failed(id, failure));
            }
        }
        List<AssetBatchResult> results = new ArrayList<>(ids.size());
        for (String id : ids) {
            AssetBatchResult failure = failures.get(id);
            if (failure == null) {
                AssetId assetId = new AssetId(id);
                catchUp.awaitCaughtUp(assetId.value(), projections);
                results.add(AssetBatchResult.succeeded(id, find(assetId)));
            } else {
                results.add(failure);
            }
        }
        return results;
    }

    private static AssetBatchResult failed(String id, RuntimeException failure) {
        if (failure instanceof AggregateNotFoundException) {
            return AssetBatchResult.failed(id, ErrorKind.NOT_FOUND, "No asset with id " + id);
        }
        return ErrorKind.domainCause(failure)
                .map(cause -> AssetBatchResult.failed(id, ErrorKind.of(cause).orElseThrow(), cause.getMessage()))
                .orElseGet(() -> {
                    log.error("Changing asset {} in a batch failed", id, failure);
                    return AssetBatchResult.failed(id, ErrorKind.INTERNAL_ERROR,
                            "Playmark failed to change this asset; its log tells why");
                });
    }

    List<AssetBatchResult> tag(List<String> ids, List<String> add, List<String> remove) {
        Set<Tag> added = Tag.of(add);
        Set<Tag> removed = Tag.of(remove);
        return run(ids, id -> new TagAssetCommand(id, added, removed));
    }

    List<AssetBatchResult> move(List<String> ids, String folder) {
        FolderPath to = new FolderPath(folder);
        return run(ids, id -> new MoveAssetCommand(id, to));
    }

    List<AssetBatchResult> approve(List<String> ids, String comment) {
        return run(ids, id -> new ApproveAssetCommand(id, comment));
    }

    List<AssetBatchResult> reject(List<String> ids, String comment) {
        return run(ids, id -> new RejectAssetCommand(id, comment));
    }

    List<AssetBatchResult> retire(List<String> ids, String reason) {
        return run(ids, id -> new RetireAssetCommand(id, reason, false));
    }

    List<AssetBatchResult> delete(List<String> ids) {
        return run(ids, DeleteAssetCommand::new, WITH_COLLECTIONS);
    }

    List<AssetBatchResult> addToCollection(String collectionId, List<String> ids) {
        AssetCollectionId collection = new AssetCollectionId(collectionId);
        return run(ids, id -> new AddAssetToCollectionCommand(id, collection), WITH_COLLECTIONS);
    }

    List<AssetBatchResult> removeFromCollection(String collectionId, List<String> ids) {
        AssetCollectionId collection = new AssetCollectionId(collectionId);
        return run(ids, id -> new RemoveAssetFromCollectionCommand(id, collection), WITH_COLLECTIONS);
    }

    AssetView find(AssetId id) {
        AssetView view = queries.query(new FindAssetQuery(id), ResponseTypes.instanceOf(AssetView.class)).join();
        if (view == null) {
            throw new NotFoundException("No asset with id " + id);
        }
        return view;
    }
}
