package io.playmark.infra.ingest;

import io.playmark.infra.ingest.ImportFolderProperties.ImportFolder;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/** The import folders from configuration, their latest scans, and a scan on demand. ADMIN and MANAGER only. */
@RestController
@RequestMapping("/api/v1/import-folders")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
@Tag(name = "Import folders", description = "Folders on disk whose files become assets (ADMIN and MANAGER only)")
class ImportFoldersController {

    private static final Logger log = LoggerFactory.getLogger(ImportFoldersController.class);

    private final ImportFolders folders;

    ImportFoldersController(ImportFolders folders) {
        this.folders = folders;
    }

    record ImportFolderView(
            @Schema(example = "drop") String name,
            @Schema(description = "The folder on disk", example = "/srv/media/drop") String path,
            @Schema(description = "The library folder its files go to", example = "/brands/acme") String folder,
            List<String> tags,
            @Schema(description = "Its latest scan; null before the first", nullable = true) ImportFolderScan lastScan) {
    }

    record ScanStartedView(@Schema(description = "The scan's id, also its job's in the job dashboard",
            example = "0b5e8f7e-3c57-4a52-9a58-0f6d1b2a9c44") String scanId) {
    }

    @GetMapping
    @Operation(operationId = "listImportFolders", summary = "List import folders",
            description = "Each configured folder with the summary of its latest scan: found, new, unchanged, changed, "
                    + "refused (with reasons) and removed files.")
    List<ImportFolderView> list() {
        return folders.all().stream().map(this::view).toList();
    }

    @PostMapping("/{name}/scans")
    @Operation(operationId = "scanImportFolder", summary = "Scan an import folder now",
            description = "Starts a scan as a background job, to be followed at the scan's own address; its summary "
                    + "becomes the folder's lastScan when it ends. While a scan of the folder runs, asking again "
                    + "answers that scan's id instead of starting another.")
    @ApiResponse(responseCode = "202", description = "Started, or already running")
    @ProblemAnswers(NOT_FOUND)
    ResponseEntity<ScanStartedView> scan(@PathVariable String name, Authentication caller) {
        UUID scanId = folders.scan(name);
        log.info("Scan {} of import folder {} started by {}", scanId, name, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/import-folders/" + name + "/scans/" + scanId))
                .body(new ScanStartedView(scanId.toString()));
    }

    @GetMapping("/{name}/scans/{scanId}")
    @Operation(operationId = "getImportFolderScan", summary = "Follow a scan",
            description = "A scan's summary: QUEUED, RUNNING (counts so far), SUCCEEDED, FAILED (with the failure) or "
                    + "SKIPPED (another scan of the folder was running).")
    @ApiResponse(responseCode = "200", description = "The scan")
    @ProblemAnswers(NOT_FOUND)
    ImportFolderScan scanOf(@PathVariable String name, @PathVariable String scanId) {
        return folders.findScan(name, scanId)
                .orElseThrow(() -> new NotFoundException("No scan " + scanId + " of import folder " + name));
    }

    private ImportFolderView view(ImportFolder folder) {
        return new ImportFolderView(folder.name(), folder.path().toString(), folder.folder(), folder.tags(),
                folders.lastScan(folder.name()).orElse(null));
    }
}
