package io.playmark.query.asset;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.AssetCollectionId;
import io.playmark.kernel.asset.AssetCollectionName;
import io.playmark.kernel.asset.CreateAssetCollectionCommand;
import io.playmark.kernel.asset.DeleteAssetCollectionCommand;
import io.playmark.kernel.asset.RenameAssetCollectionCommand;
import io.playmark.query.consistency.ProjectionCatchUp;
import io.playmark.query.graphql.KeyConnection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Collections for GraphQL and REST alike: their changes, which answer once the collections' projection has caught
 * up, and their reads, by id, in name order and with their assets in id order.
 */
@Component
class AssetCollectionLibrary {

    private static final List<String> PROJECTIONS = List.of(AssetCollectionProjection.PROCESSING_GROUP);

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final ProjectionCatchUp catchUp;

    AssetCollectionLibrary(CommandGateway commands, MongoTemplate mongo, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.mongo = mongo;
        this.catchUp = catchUp;
    }

    /** @param id the client's id, so that a retry is recognised; null for a new one */
    AssetCollectionView create(String id, String name) {
        AssetCollectionId collectionId = id == null ? AssetCollectionId.random() : new AssetCollectionId(id);
        commands.sendAndWait(new CreateAssetCollectionCommand(collectionId, new AssetCollectionName(name)));
        return caughtUp(collectionId);
    }

    AssetCollectionView rename(String id, String name) {
        AssetCollectionId collectionId = new AssetCollectionId(id);
        AssetCollectionName renamed = new AssetCollectionName(name);
        send(collectionId, new RenameAssetCollectionCommand(collectionId, renamed));
        return caughtUp(collectionId);
    }

    /** Its assets stay in the library. */
    void delete(String id) {
        AssetCollectionId collectionId = new AssetCollectionId(id);
        send(collectionId, new DeleteAssetCollectionCommand(collectionId));
        catchUp.awaitCaughtUp(collectionId.value(), PROJECTIONS);
    }

    AssetCollectionView find(String id) {
        AssetCollectionId collectionId = new AssetCollectionId(id);
        AssetCollectionView view = mongo.findById(collectionId.value(), AssetCollectionView.class);
        if (view == null) {
            throw new NotFoundException("No collection with id " + collectionId);
        }
        return view;
    }

    /** Collections are few (tens to hundreds): a page is cut from the sorted collection. */
    KeyConnection<AssetCollectionView> page(int first, String after) {
        KeyConnection.requireSize(first);
        String from = KeyConnection.keyOf(after);
        Query sorted = new Query().with(Sort.by("name", "_id"));
        return KeyConnection.of(mongo.find(sorted, AssetCollectionView.class).stream()
                        .filter(collection -> from == null || nameKey(collection).compareTo(from) > 0)
                        .limit(first + 1L).toList(),
                AssetCollectionLibrary::nameKey, first, from != null);
    }

    /** A page of the collection's assets in id order, each read by its id. */
    KeyConnection<AssetView> assets(AssetCollectionView collection, int first, String after) {
        KeyConnection.requireSize(first);
        String from = KeyConnection.keyOf(after);
        List<String> ids = (collection.assetIds() == null ? List.<String>of() : collection.assetIds()).stream()
                .filter(id -> from == null || id.compareTo(from) > 0).sorted().limit(first + 1L).toList();
        Map<String, AssetView> views = mongo.find(new Query(where("_id").in(ids)), AssetView.class).stream()
                .collect(Collectors.toMap(AssetView::id, Function.identity()));
        return KeyConnection.of(ids.stream().map(views::get).filter(Objects::nonNull).toList(), AssetView::id, first,
                from != null);
    }

    /** The collections an asset is in, by name; one deleted since is left out. */
    List<AssetCollectionView> of(AssetView asset) {
        if (asset.collectionIds() == null || asset.collectionIds().isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(where("_id").in(asset.collectionIds())), AssetCollectionView.class).stream()
                .sorted(Comparator.comparing(AssetCollectionLibrary::nameKey)).toList();
    }

    private void send(AssetCollectionId id, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("No collection with id " + id);
        }
    }

    private AssetCollectionView caughtUp(AssetCollectionId id) {
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return find(id.value());
    }

    private static String nameKey(AssetCollectionView collection) {
        return collection.name() + '\u0000' + collection.id();
    }
}
