package io.playmark.query.asset;

import io.playmark.kernel.ProblemAnswers;
import io.playmark.query.graphql.KeyConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;
import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * Collections over REST, as GraphQL has them; assets go in and out with the batch operations ADD_TO_COLLECTION and
 * REMOVE_FROM_COLLECTION of {@code POST /api/v1/assets/batch}. Changes by ADMIN and MANAGER, reads by staff.
 */
@RestController
@RequestMapping(AssetCollectionController.PATH)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Asset collections", description = "Named sets of assets picked by hand")
class AssetCollectionController {

    static final String PATH = "/api/v1/asset-collections";
    private static final String STAFF = "hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')";
    private static final String CURATORS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final AssetCollectionLibrary collections;

    AssetCollectionController(AssetCollectionLibrary collections) {
        this.collections = collections;
    }

    @Schema(name = "AssetCollectionInput")
    record CollectionInput(@Schema(description = "create: a UUID of your choosing, so that a retry is recognised; "
            + "left out, Playmark picks one") String id,
                           @Schema(description = "Not blank, at most 200 characters",
                                   requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Schema(name = "AssetCollection")
    record Collection(@Schema(description = "The collection's id") String id,
                      @Schema(description = "Its name") String name,
                      @Schema(description = "How many assets are in it") int assetCount,
                      @Schema(description = "When it was created (UTC)") Instant createdAt,
                      @Schema(description = "Who created it") String createdBy,
                      @Schema(description = "When it, or what is in it, last changed (UTC)") Instant updatedAt,
                      @Schema(description = "Who changed it last") String updatedBy) {

        static Collection of(AssetCollectionView view) {
            return new Collection(view.id(), view.name(), view.assetCount(), view.createdAt(), view.createdBy(),
                    view.updatedAt(), view.updatedBy());
        }
    }

    @Schema(name = "AssetCollectionPage")
    record CollectionPage(@Schema(description = "The collections, in name order") List<Collection> collections,
                          @Schema(description = "Pass as after for the next page; null when empty") String endCursor,
                          @Schema(description = "Whether there are more") boolean hasNextPage) {
    }

    @Schema(name = "AssetCollectionAssetPage")
    record AssetPage(@Schema(description = "The collection's assets, in id order") List<AssetView> assets,
                     @Schema(description = "Pass as after for the next page; null when empty") String endCursor,
                     @Schema(description = "Whether there are more") boolean hasNextPage) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CURATORS)
    @Operation(operationId = "createAssetCollection", summary = "Create a collection",
            description = "A retry with the same id and name answers the collection again; another name for a "
                    + "taken id, or the id of a deleted collection, is a conflict (409).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CollectionInput.class),
                    examples = @ExampleObject(name = "create", summary = "A collection for the summer campaign",
                            value = "{\"id\": \"7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e\", \"name\": \"Summer picks\"}"))))
    @ApiResponse(responseCode = "201", description = "Created (or created before, by this retry's first try)")
    @ProblemAnswers({CONFLICT})
    ResponseEntity<Collection> create(@RequestBody CollectionInput input) {
        AssetCollectionView created = collections.create(input.id(), input.name());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(Collection.of(created));
    }

    @GetMapping
    @PreAuthorize(STAFF)
    @Operation(operationId = "listAssetCollections", summary = "List the collections, in name order")
    @ApiResponse(responseCode = "200", description = "A page of collections")
    @ProblemAnswers({BAD_REQUEST})
    CollectionPage list(@RequestParam(defaultValue = "20") int first, @RequestParam(required = false) String after) {
        KeyConnection<AssetCollectionView> page = collections.page(first, after);
        return new CollectionPage(page.edges().stream().map(edge -> Collection.of(edge.node())).toList(),
                page.pageInfo().endCursor(), page.pageInfo().hasNextPage());
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    @Operation(operationId = "getAssetCollection", summary = "Read a collection")
    @ApiResponse(responseCode = "200", description = "The collection")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    Collection get(@PathVariable String id) {
        return Collection.of(collections.find(id));
    }

    @GetMapping("/{id}/assets")
    @PreAuthorize(STAFF)
    @Operation(operationId = "listAssetCollectionAssets", summary = "List a collection's assets, in id order",
            description = "A deleted asset leaves every collection it was in.")
    @ApiResponse(responseCode = "200", description = "A page of the collection's assets")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    AssetPage assets(@PathVariable String id, @RequestParam(defaultValue = "20") int first,
                     @RequestParam(required = false) String after) {
        KeyConnection<AssetView> page = collections.assets(collections.find(id), first, after);
        return new AssetPage(page.edges().stream().map(KeyConnection.Edge::node).toList(),
                page.pageInfo().endCursor(), page.pageInfo().hasNextPage());
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CURATORS)
    @Operation(operationId = "renameAssetCollection", summary = "Rename a collection",
            description = "Takes the name from the body (its id is ignored); a deleted collection is a conflict (409).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CollectionInput.class),
                    examples = @ExampleObject(name = "rename", summary = "A new name",
                            value = "{\"name\": \"Summer 2027\"}"))))
    @ApiResponse(responseCode = "200", description = "The collection, renamed")
    @ProblemAnswers({NOT_FOUND, CONFLICT})
    Collection rename(@PathVariable String id, @RequestBody CollectionInput input) {
        return Collection.of(collections.rename(id, input.name()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(CURATORS)
    @Operation(operationId = "deleteAssetCollection", summary = "Delete a collection",
            description = "Its assets stay in the library. Deleting it again succeeds.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ProblemAnswers({BAD_REQUEST, NOT_FOUND})
    ResponseEntity<Void> delete(@PathVariable String id) {
        collections.delete(id);
        return ResponseEntity.noContent().build();
    }
}
