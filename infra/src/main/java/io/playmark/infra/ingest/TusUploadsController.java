package io.playmark.infra.ingest;

import io.playmark.command.asset.ImportedFile;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

import static io.playmark.kernel.ErrorKind.CONFLICT;
import static io.playmark.kernel.ErrorKind.NOT_FOUND;
import static io.playmark.kernel.ErrorKind.PAYLOAD_TOO_LARGE;
import static io.playmark.kernel.ErrorKind.UNSUPPORTED_MEDIA_TYPE;

/**
 * Resumable uploads with the tus 1.0 protocol (core, creation, termination, expiration, checksum): a standard tus
 * client creates an upload, sends its bytes in PATCH requests and, after a broken connection, asks for the offset
 * (HEAD) and goes on from there. The answer to the PATCH that completes it names the asset the file became. Each
 * upload belongs to the caller that created it. ADMIN and MANAGER only.
 */
@RestController
@RequestMapping(TusConfiguration.UPLOADS_PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
@Tag(name = "Resumable uploads", description = "tus 1.0 uploads for large files (https://tus.io/protocols/resumable-upload); "
        + "any tus client works. ADMIN and MANAGER only")
class TusUploadsController {

    static final String ASSET_ID_HEADER = "Playmark-Asset-Id";
    static final String ASSET_HEADER = "Playmark-Asset";

    private final TusFileUploadService uploads;
    private final TusUploadImport imports;

    TusUploadsController(TusFileUploadService uploads, TusUploadImport imports) {
        this.uploads = uploads;
        this.imports = imports;
    }

    @PostMapping
    @Operation(operationId = "createUpload", summary = "Create a resumable upload",
            description = "Announces a file of Upload-Length bytes. Upload-Metadata (tus: comma-separated `key base64(value)` "
                    + "pairs) may carry `filename`, `title`, `folder` and `tags` (comma separated), as for a plain upload.",
            parameters = {
                    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, example = "1.0.0"),
                    @Parameter(name = "Upload-Length", in = ParameterIn.HEADER, required = true, example = "209715200",
                            description = "The file's size in bytes"),
                    @Parameter(name = "Upload-Metadata", in = ParameterIn.HEADER,
                            example = "filename c3VtbWVyLm1wNA==,title U3VtbWVyIHNhbGU=,tags c2FsZSxzdW1tZXI=")})
    @ApiResponse(responseCode = "201", description = "Created; Location is the upload's URL for HEAD and PATCH",
            headers = @Header(name = "Location", description = "The upload's URL", schema = @Schema(type = "string")))
    @ProblemAnswers(PAYLOAD_TOO_LARGE)
    void create(HttpServletRequest request, HttpServletResponse response, Authentication caller) throws IOException {
        uploads.process(request, response, caller.getName());
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    @Operation(operationId = "getUploadOffset", summary = "How much of an upload has arrived",
            description = "Upload-Offset is where the next PATCH goes on; a client asks after a broken connection.")
    @ApiResponse(responseCode = "204", description = "The upload's offset and length, as headers",
            headers = {@Header(name = "Upload-Offset", schema = @Schema(type = "integer")),
                    @Header(name = "Upload-Length", schema = @Schema(type = "integer"))})
    @ProblemAnswers(NOT_FOUND)
    void offset(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Authentication caller)
            throws IOException {
        uploads.process(request, response, caller.getName());
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "resumeUpload", summary = "Send bytes of an upload",
            description = "Appends the body at Upload-Offset, which must be the upload's current offset. The PATCH that "
                    + "completes the file imports it: its answer names the asset (Playmark-Asset-Id), the existing one "
                    + "when the same content was there already. Refused content (415, 413, 400) terminates the upload.",
            parameters = {
                    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, example = "1.0.0"),
                    @Parameter(name = "Upload-Offset", in = ParameterIn.HEADER, required = true, example = "0")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/offset+octet-stream",
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "204", description = "Stored; Upload-Offset is the new offset",
            headers = {@Header(name = "Upload-Offset", schema = @Schema(type = "integer")),
                    @Header(name = ASSET_ID_HEADER, description = "On the completing PATCH: the asset's id",
                            schema = @Schema(type = "string", format = "uuid")),
                    @Header(name = ASSET_HEADER, description = "On the completing PATCH: the asset's URL",
                            schema = @Schema(type = "string"))})
    @ProblemAnswers({NOT_FOUND, CONFLICT, UNSUPPORTED_MEDIA_TYPE})
    void resume(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                Authentication caller) throws IOException, TusException {
        uploads.process(request, response, caller.getName());
        if (response.getStatus() != HttpServletResponse.SC_NO_CONTENT) {
            return;
        }
        try {
            imports.importIfFinished(request.getRequestURI(), caller.getName())
                    .ifPresent(imported -> nameAsset(response, imported));
        } catch (RuntimeException refused) {
            // tus's answer (204, Content-Length: 0) gives way to the problem
            response.reset();
            throw refused;
        }
    }

    /** tus clients that cannot send PATCH (Java's HttpURLConnection) send POST with X-HTTP-Method-Override. */
    @PostMapping(path = "/{id}", headers = "X-HTTP-Method-Override=PATCH")
    @Operation(hidden = true)
    void resumeOverridden(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                          Authentication caller) throws IOException, TusException {
        resume(id, request, response, caller);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "terminateUpload", summary = "Terminate an upload",
            description = "Removes an unfinished upload and its bytes.",
            parameters = @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, example = "1.0.0"))
    @ApiResponse(responseCode = "204", description = "Terminated")
    @ProblemAnswers(NOT_FOUND)
    void terminate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                   Authentication caller) throws IOException {
        uploads.process(request, response, caller.getName());
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    @Operation(operationId = "describeUploads", summary = "The tus server's capabilities",
            description = "Tus-Version, Tus-Extension and Tus-Max-Size.")
    @ApiResponse(responseCode = "204", description = "The capabilities, as headers",
            headers = {@Header(name = "Tus-Version", schema = @Schema(type = "string")),
                    @Header(name = "Tus-Extension", schema = @Schema(type = "string")),
                    @Header(name = "Tus-Max-Size", schema = @Schema(type = "integer"))})
    void options(HttpServletRequest request, HttpServletResponse response, Authentication caller) throws IOException {
        uploads.process(request, response, caller.getName());
    }

    private static void nameAsset(HttpServletResponse response, ImportedFile imported) {
        response.setHeader(ASSET_ID_HEADER, imported.assetId().value());
        response.setHeader(ASSET_HEADER, "/api/v1/assets/" + imported.assetId().value());
    }
}
