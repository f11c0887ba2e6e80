package io.playmark.command.asset;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.asset.AssetId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;
import static io.playmark.kernel.ErrorKind.PAYLOAD_TOO_LARGE;
import static io.playmark.kernel.ErrorKind.UNSUPPORTED_MEDIA_TYPE;

/**
 * Uploads over REST: one file, many files in one request (an answer per file), or a new version of an asset. The
 * body is read as it streams in; see {@link AssetUploads} for the checks. ADMIN and MANAGER only.
 */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "Assets", description = "The media library: upload, read and deliver media")
class AssetUploadController {

    private static final Logger log = LoggerFactory.getLogger(AssetUploadController.class);
    private static final String FORM_DESCRIPTION = "multipart/form-data: `file` (the media), optional `title`, "
            + "`folder` (e.g. /brands/acme) and `tags` (comma-separated, or the field repeated)";
    // multipart bodies shown as their fields; curl -F file=@summer-sale.mp4 -F title=... sends this one
    private static final String FORM_EXAMPLE = "{\"file\": \"(the bytes of summer-sale.mp4)\", "
            + "\"title\": \"Summer sale 15s\", \"folder\": \"/brands/acme\", \"tags\": \"summer,sale\"}";
    private static final String BULK_EXAMPLE = "{\"file\": [\"(poster-1.jpg)\", \"(poster-2.png)\"], "
            + "\"folder\": \"/brands/acme/posters\", \"tags\": \"autumn\"}";
    private static final String VERSION_EXAMPLE = "{\"file\": \"(the bytes of summer-sale-v2.mp4)\"}";

    private final AssetUploads uploads;

    AssetUploadController(AssetUploads uploads) {
        this.uploads = uploads;
    }

    /** The form's fields, for the API document only: the request itself is read as a stream. */
    @Schema(name = "AssetUploadForm")
    record UploadForm(@Schema(type = "string", format = "binary", description = "The file",
                              requiredMode = Schema.RequiredMode.REQUIRED) String file,
                      @Schema(description = "The title; the file's name without extension by default",
                              example = "Summer sale 15s") String title,
                      @Schema(description = "The library folder", example = "/brands/acme") String folder,
                      @Schema(description = "Tags, comma-separated", example = "summer,sale") String tags) {
    }

    @Schema(name = "UploadedAsset")
    record UploadedAsset(
            @Schema(description = "The asset's id") String id,
            @Schema(description = "true when the same content was already this asset: nothing new was made")
            boolean duplicate,
            @Schema(description = "The file's name as kept for display (made safe)", example = "summer-sale.mp4")
            String fileName,
            @Schema(description = "SHA-256 of the content, as computed on arrival") String sha256,
            long sizeBytes,
            @Schema(description = "Where to read the asset", example = "/api/v1/assets/9b1d…") String href) {

        static UploadedAsset of(ImportedFile imported, AssetUploads.Received received) {
            return new UploadedAsset(imported.assetId().value(), imported.duplicate(), received.fileName().value(),
                    received.staged().sha256().value(), received.staged().sizeBytes(),
                    AssetUploadController.href(imported.assetId()));
        }
    }

    /** A refused file's problem, as the problem+json of a single upload would have said it. */
    @Schema(name = "UploadProblem")
    record UploadProblem(URI type, String title, int status, String detail) {

        static UploadProblem of(RuntimeException refusal) {
            ErrorKind kind = ErrorKind.of(refusal).orElse(ErrorKind.INTERNAL_ERROR);
            String detail = kind == ErrorKind.INTERNAL_ERROR ? "The file could not be stored" : refusal.getMessage();
            return new UploadProblem(kind.type(), kind.title(), kind.status(), detail);
        }
    }

    @Schema(name = "BulkUploadItem")
    record BulkUploadItem(@Schema(description = "The part's file name as sent") String fileName,
                          @Schema(allowableValues = {"created", "duplicate", "refused"}) String outcome,
                          @Schema(description = "The asset, unless refused") UploadedAsset asset,
                          @Schema(description = "Why it was refused; null otherwise") UploadProblem problem) {
    }

    @Schema(name = "BulkUploadResult")
    record BulkUploadResult(int created, int duplicates, int refused, List<BulkUploadItem> items) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadAsset", summary = "Upload a file as an asset",
            description = "The type is sniffed from the content; programs, pages posing as images and formats "
                    + "screens do not play are refused (415) with the reason, as are files over the size limit or "
                    + "images over the pixel limit (413). The same content twice answers the existing asset (200, "
                    + "`duplicate: true`), so a retried upload is safe. " + FORM_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class), examples = @ExampleObject(name = "video",
                    summary = "A video with its title, folder and tags", value = FORM_EXAMPLE),
                    encoding = @Encoding(name = "file", contentType = "application/octet-stream"))))
    @ApiResponse(responseCode = "201", description = "A new asset; Location names it")
    @ApiResponse(responseCode = "200", description = "The content was already this asset")
    @ProblemAnswers({PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE})
    ResponseEntity<UploadedAsset> upload(HttpServletRequest request) {
        MultipartUpload<AssetUploads.Received> upload = MultipartUpload.read(request, uploads::receive);
        if (upload.parts().size() > 1) {
            upload.parts().forEach(this::discard);
            throw new InvalidValueException("file", "one file per upload here; send many to /api/v1/assets/bulk");
        }
        MultipartUpload.Part<AssetUploads.Received> part = upload.parts().getFirst();
        if (part.refusal() != null) {
            throw part.refusal();
        }
        ImportedFile imported = uploads.register(part.received(), upload.details());
        UploadedAsset answer = UploadedAsset.of(imported, part.received());
        return imported.duplicate() ? ResponseEntity.ok(answer)
                : ResponseEntity.created(URI.create(answer.href())).body(answer);
    }

    @PostMapping(path = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadAssets", summary = "Upload many files in one request",
            description = "Every `file` part is one upload, checked as a single upload is; `title` does not apply "
                    + "(each asset is titled after its file), `folder` and `tags` apply to all. The answer has an "
                    + "item per file, in order: created, duplicate or refused with its problem; one refused file "
                    + "never fails the others.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class), examples = @ExampleObject(name = "images",
                    summary = "Many files into one folder", value = BULK_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Each file's outcome")
    ResponseEntity<BulkUploadResult> uploadMany(HttpServletRequest request) {
        MultipartUpload<AssetUploads.Received> upload = MultipartUpload.read(request, uploads::receive);
        ImportDetails details = new ImportDetails(null, upload.field("folder"), upload.tags());
        List<BulkUploadItem> items = new ArrayList<>();
        for (MultipartUpload.Part<AssetUploads.Received> part : upload.parts()) {
            items.add(registerOne(part, details));
        }
        int created = (int) items.stream().filter(item -> item.outcome().equals("created")).count();
        int duplicates = (int) items.stream().filter(item -> item.outcome().equals("duplicate")).count();
        return ResponseEntity.ok(new BulkUploadResult(created, duplicates, items.size() - created - duplicates,
                items));
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadAssetVersion", summary = "Upload a new version of an asset",
            description = "The new content replaces the old wherever the asset is used; it is probed and rendered "
                    + "again and needs approval again. The same content as now changes nothing; content that is "
                    + "another asset's is a conflict (409). Only `file` is read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class), examples = @ExampleObject(name = "version",
                    summary = "The new file", value = VERSION_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The asset now holds this content")
    @ProblemAnswers({NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE})
    ResponseEntity<UploadedAsset> uploadVersion(@PathVariable String id, HttpServletRequest request) {
        AssetId assetId = new AssetId(id);
        MultipartUpload<AssetUploads.Received> upload = MultipartUpload.read(request, uploads::receive);
        MultipartUpload.Part<AssetUploads.Received> part = upload.parts().getFirst();
        upload.parts().stream().skip(1).forEach(this::discard);
        if (part.refusal() != null) {
            throw part.refusal();
        }
        ImportedFile imported = uploads.registerVersion(assetId, part.received());
        return ResponseEntity.ok(UploadedAsset.of(imported, part.received()));
    }

    private BulkUploadItem registerOne(MultipartUpload.Part<AssetUploads.Received> part, ImportDetails details) {
        if (part.refusal() != null) {
            return new BulkUploadItem(part.originalName(), "refused", null, UploadProblem.of(part.refusal()));
        }
        try {
            ImportedFile imported = uploads.register(part.received(), details);
            return new BulkUploadItem(part.originalName(), imported.duplicate() ? "duplicate" : "created",
                    UploadedAsset.of(imported, part.received()), null);
        } catch (RuntimeException refused) {
            if (ErrorKind.of(refused).isEmpty()) {
                log.warn("Bulk upload of '{}' failed", part.originalName(), refused);
            }
            return new BulkUploadItem(part.originalName(), "refused", null, UploadProblem.of(refused));
        }
    }

    private void discard(MultipartUpload.Part<AssetUploads.Received> part) {
        if (part.received() != null) {
            uploads.discard(part.received());
        }
    }

    private static String href(AssetId id) {
        return "/api/v1/assets/" + id.value();
    }
}
