package io.playmark.infra.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One scan of an import folder and what it found, in {@code import_folder_scans}: under the scan's id (its JobRunr
 * job's id) and, for the folder's latest scan, under {@code last:<folder>}. The lists of refused and removed files
 * are capped ({@link #MAX_LISTED}); their counts are not.
 */
@Document("import_folder_scans")
public record ImportFolderScan(@Id @JsonIgnore String id, String scanId, String folder, Status status, Instant startedAt,
                               Instant finishedAt, long found, long newFiles, long unchanged, long changed,
                               long refused, long removed, List<RefusedFile> refusedFiles, List<String> removedFiles,
                               String failure) {

    static final int MAX_LISTED = 1000;

    /** QUEUED until a worker takes it; SKIPPED when another scan of the folder was running. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    /** A file that did not become an asset, and why. */
    public record RefusedFile(String path, String reason) {
    }

    /** A scan asked for and not yet started, so that its id can be followed at once. */
    static ImportFolderScan queued(String scanId, String folder, Instant at) {
        return new ImportFolderScan(scanId, scanId, folder, Status.QUEUED, at, null, 0, 0, 0, 0, 0, 0, List.of(),
                List.of(), null);
    }

    static String lastId(String folder) {
        return "last:" + folder;
    }

    ImportFolderScan asLast() {
        return new ImportFolderScan(lastId(folder), scanId, folder, status, startedAt, finishedAt, found, newFiles,
                unchanged, changed, refused, removed, refusedFiles, removedFiles, failure);
    }
}
