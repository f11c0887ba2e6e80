package io.playmark.infra.ingest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Instant;

/** Import folder scans over GraphQL, as over REST: started on demand and followed by id. ADMIN and MANAGER only. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class ImportFoldersGraphQlController {

    private final ImportFolders folders;

    ImportFoldersGraphQlController(ImportFolders folders) {
        this.folders = folders;
    }

    @MutationMapping
    ImportFolderScan scanImportFolder(@Argument String folder) {
        String scanId = folders.scan(folder).toString();
        // a scheduled scan that has just taken the folder may not have written its summary yet
        return folders.findScan(folder, scanId).orElseGet(() -> ImportFolderScan.queued(scanId, folder, Instant.now()));
    }

    @QueryMapping
    ImportFolderScan importFolderScan(@Argument String folder, @Argument String scanId) {
        return folders.findScan(folder, scanId).orElse(null);
    }
}
