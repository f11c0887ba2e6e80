package io.playmark.query.asset;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetMetadata;
import io.playmark.kernel.asset.AssetSearchFilter;
import io.playmark.kernel.asset.AssetSort;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.AssetTitle;
import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.FindAssetUsesQuery;
import io.playmark.kernel.asset.DurationRange;
import io.playmark.kernel.asset.EditAssetMetadataCommand;
import io.playmark.kernel.asset.FindAssetQuery;
import io.playmark.kernel.asset.FindAssetStorageUsageQuery;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.ResolutionClass;
import io.playmark.kernel.asset.SearchAssetsQuery;
import io.playmark.kernel.asset.Tag;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The media library over GraphQL: an asset, library search with facets, storage usage, the metadata editor and
 * batch changes. A batch answers per item, one failing item never fails the others; every change answers once the
 * asset projections have caught up, so that the caller reads its own write.
 */
@Controller
class AssetGraphQlController {


    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final AssetBatches batches;

    AssetGraphQlController(CommandGateway commands, QueryGateway queries, ProjectionCatchUp catchUp,
                           AssetBatches batches) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
        this.batches = batches;
    }

    record AssetFilterInput(List<MediaKind> kinds, List<AssetStatus> statuses, List<Approval> approvals,
                            List<String> tags, String folder, List<ResolutionClass> resolutionClasses,
                            List<Orientation> orientations, List<DurationRange> durationRanges,
                            List<String> playableProfiles, Boolean playable) {

        AssetSearchFilter filter() {
            return new AssetSearchFilter(set(kinds), set(statuses), set(approvals), Tag.of(tags),
                    folder == null ? null : new FolderPath(folder), set(resolutionClasses), set(orientations),
                    set(durationRanges), set(playableProfiles), playable);
        }

        private static <T> Set<T> set(Collection<T> values) {
            return values == null ? Set.of() : Set.copyOf(values);
        }
    }

    record CustomFieldInput(String key, String value) {
    }

    record AssetMetadataInput(String title, String description, List<CustomFieldInput> customFields,
                              Instant expiresAt) {

        AssetMetadata metadata() {
            Map<String, String> fields = new LinkedHashMap<>();
            if (customFields != null) {
                customFields.forEach(field -> fields.put(field.key(), field.value()));
            }
            return new AssetMetadata(new AssetTitle(title), description, fields, expiresAt);
        }
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    AssetView asset(@Argument String id) {
        return batches.find(new AssetId(id));
    }

    @SchemaMapping(typeName = "Asset")
    List<AssetUse> usedBy(AssetView asset) {
        return new FindAssetUsesQuery(new AssetId(asset.id())).askAll(queries);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    AssetConnection searchAssets(@Argument String text, @Argument AssetFilterInput filter, @Argument AssetSort sort,
                                 @Argument int first, @Argument String after) {
        var query = new SearchAssetsQuery(text, filter == null ? null : filter.filter(), sort, first, after);
        AssetSearchPage page = queries.query(query, ResponseTypes.instanceOf(AssetSearchPage.class)).join();
        return AssetConnection.of(page, after != null);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    AssetStorageUsage assetStorageUsage() {
        return queries.query(new FindAssetStorageUsageQuery(), ResponseTypes.instanceOf(AssetStorageUsage.class))
                .join();
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    AssetView editAssetMetadata(@Argument String id, @Argument AssetMetadataInput input) {
        AssetId assetId = new AssetId(id);
        try {
            commands.sendAndWait(new EditAssetMetadataCommand(assetId, input.metadata()));
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("No asset with id " + assetId);
        }
        catchUp.awaitCaughtUp(assetId.value(), AssetBatches.PROJECTIONS);
        return batches.find(assetId);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> tagAssets(@Argument List<String> ids, @Argument List<String> add,
                                     @Argument List<String> remove) {
        return batches.tag(ids, add, remove);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> moveAssets(@Argument List<String> ids, @Argument String folder) {
        return batches.move(ids, folder);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> approveAssets(@Argument List<String> ids, @Argument String comment) {
        return batches.approve(ids, comment);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> rejectAssets(@Argument List<String> ids, @Argument String comment) {
        return batches.reject(ids, comment);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> retireAssets(@Argument List<String> ids, @Argument String reason) {
        return batches.retire(ids, reason);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    List<AssetBatchResult> deleteAssets(@Argument List<String> ids) {
        return batches.delete(ids);
    }
}
