package io.playmark.query.asset;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;

/** The library's batch changes over REST, as GraphQL has them: an answer per asset. ADMIN and MANAGER only. */
@RestController
@RequestMapping("/api/v1/assets")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Assets")
class AssetBatchController {

    private static final String EXAMPLE = """
            {"operation": "TAG", "ids": ["3f6c1f0e-2b1a-4c55-9a0e-6a1d2b3c4d5e", \
            "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d"], "add": ["summer"], "remove": ["draft"]}""";

    private final AssetBatches batches;

    AssetBatchController(AssetBatches batches) {
        this.batches = batches;
    }

    /** What to do to every asset named. */
    enum BatchOperation { TAG, MOVE, APPROVE, REJECT, RETIRE, DELETE, ADD_TO_COLLECTION, REMOVE_FROM_COLLECTION }

    @Schema(name = "AssetBatchRequest")
    record BatchRequest(
            @Schema(description = "What to do", requiredMode = Schema.RequiredMode.REQUIRED) BatchOperation operation,
            @Schema(description = "The assets, 1 to 100", requiredMode = Schema.RequiredMode.REQUIRED) List<String> ids,
            @Schema(description = "TAG: tags to add") List<String> add,
            @Schema(description = "TAG: tags to remove; a tag both added and removed is added") List<String> remove,
            @Schema(description = "MOVE: the folder to move to", example = "/brands/acme") String folder,
            @Schema(description = "APPROVE, REJECT: the reviewer's comment") String comment,
            @Schema(description = "RETIRE: why") String reason,
            @Schema(description = "ADD_TO_COLLECTION, REMOVE_FROM_COLLECTION: the collection's id") String collection) {
    }

    @Schema(name = "AssetBatchResponse")
    record BatchResponse(@Schema(description = "One result per id, in the order sent") List<AssetBatchResult> results) {
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(operationId = "changeAssets", summary = "Tag, move, approve, reject, retire, delete or collect many assets",
            description = "Each asset is changed on its own: the answer has a result per id, in order, with the "
                    + "asset as it is now or the error that kept it from changing (an unknown id, an asset in use "
                    + "that cannot be deleted…); one failing asset never fails the others. Repeating a batch is "
                    + "safe: each change is idempotent.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchRequest.class),
                    examples = @ExampleObject(name = "tag", summary = "Tag two assets", value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "A result per asset")
    @ProblemAnswers(BAD_REQUEST)
    BatchResponse change(@RequestBody BatchRequest request) {
        if (request.operation() == null) {
            throw new InvalidValueException("operation", "operation is required: one of TAG, MOVE, APPROVE, "
                    + "REJECT, RETIRE, DELETE, ADD_TO_COLLECTION, REMOVE_FROM_COLLECTION");
        }
        List<String> ids = request.ids() == null ? List.of() : request.ids();
        return new BatchResponse(switch (request.operation()) {
            case TAG -> batches.tag(ids, request.add(), request.remove());
            case MOVE -> batches.move(ids, request.folder());
            case APPROVE -> batches.approve(ids, request.comment());
            case REJECT -> batches.reject(ids, request.comment());
            case RETIRE -> batches.retire(ids, request.reason());
            case DELETE -> batches.delete(ids);
            case ADD_TO_COLLECTION -> batches.addToCollection(request.collection(), ids);
            case REMOVE_FROM_COLLECTION -> batches.removeFromCollection(request.collection(), ids);
        });
    }
}
