package io.playmark.infra.ingest;

import io.playmark.command.asset.FileImporter;
import io.playmark.command.asset.ImportDetails;
import io.playmark.command.asset.ImportedFile;
import io.playmark.infra.ingest.ImportFolderProperties.ImportFolder;
import io.playmark.infra.ingest.ImportFolderScan.RefusedFile;
import io.playmark.infra.ingest.ImportFolderScan.Status;
import io.playmark.kernel.ErrorKind;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Scans an import folder, a JobRunr job with a progress bar: new and changed files are copied to staging and
 * imported (the importer answers the existing asset for content it holds already), unchanged ones (same size and
 * modification time as last seen) are skipped without being read, refused ones are listed with the reason, and files
 * gone since the last scan are reported (their assets stay). The summary is kept in Mongo. One scan of a folder
 * runs at a time ({@link ImportFolderLeases}); a scan that finds another running is recorded as skipped.
 */
public class ImportFolderScanner {

    private static final Logger log = LoggerFactory.getLogger(ImportFolderScanner.class);
    private static final int LEASE_RENEWAL_FILES = 100;

    private final ImportFolderProperties properties;
    private final FileImporter importer;
    private final IngestStaging staging;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ImportFolderLeases leases;

    ImportFolderScanner(ImportFolderProperties properties, FileImporter importer, IngestStaging staging,
                        MongoTemplate mongo, Clock clock, ImportFolderLeases leases) {
        this.properties = properties;
        this.importer = importer;
        this.staging = staging;
        this.mongo = mongo;
        this.clock = clock;
        this.leases = leases;
    }

    @Job(name = "Scan import folder %0", retries = 2)
    public void scan(String folderName, JobContext job) throws IOException {
        ImportFolder folder = properties.find(folderName).orElse(null);
        if (folder == null) {
            log.warn("Import folder {} is no longer configured; its scan is skipped", folderName);
            return;
        }
        String scanId = job.getJobId().toString();
        Tally tally = new Tally(scanId, folderName, clock.instant());
        if (!leases.hold(folderName, scanId)) {
            mongo.save(tally.summary(Status.SKIPPED, "another scan of this folder was running: "
                    + leases.holder(folderName).orElse("one that has just ended")));
            return;
        }
        try {
            scanHeld(folder, tally, job);
        } finally {
            leases.release(folderName, scanId);
        }
    }

    private void scanHeld(ImportFolder folder, Tally tally, JobContext job) throws IOException {
        save(tally.summary(Status.RUNNING, null));
        if (!Files.isDirectory(folder.path())) {
            // not worth retrying now: the folder may be mounted later, and the schedule scans it again then
            save(tally.summary(Status.FAILED, "the import folder " + folder.path() + " is not a readable directory"));
            log.warn("Import folder {} at {} is not a readable directory; scan failed", folder.name(), folder.path());
            return;
        }
        try {
            List<Path> files = filesOf(folder.path());
            JobDashboardProgressBar progress = job.progressBar(files.size());
            Set<String> seen = new HashSet<>();
            for (Path file : files) {
                String relative = relativePath(folder.path(), file);
                seen.add(relative);
                scanFile(folder, file, relative, tally);
                progress.incrementSucceeded();
                if (tally.found % LEASE_RENEWAL_FILES == 0) {
                    leases.hold(folder.name(), tally.scanId);
                }
            }
            reportRemoved(folder.name(), seen, tally);
            ImportFolderScan summary = save(tally.summary(Status.SUCCEEDED, null));
            log.info("Scanned import folder {}: {} found, {} new, {} changed, {} unchanged, {} refused, {} removed",
                    folder.name(), summary.found(), summary.newFiles(), summary.changed(), summary.unchanged(),
                    summary.refused(), summary.removed());
        } catch (IOException | RuntimeException e) {
            save(tally.summary(Status.FAILED, e.getMessage()));
            throw e;
        }
    }

    /** Regular, visible files that have settled (not modified within the settle time), in a stable order. */
    private List<Path> filesOf(Path root) throws IOException {
        Instant settledBefore = clock.instant().minus(properties.importSettle());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.equals(root))
                    .filter(path -> !isHidden(root.relativize(path)))
                    .filter(path -> isSettledFile(path, settledBefore))
                    .sorted().toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSettledFile(Path path, Instant settledBefore) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(settledBefore);
        } catch (IOException goneMeanwhile) {
            return false;
        }
    }

    private void scanFile(ImportFolder folder, Path file, String relative, Tally tally) {
        tally.found++;
        String stateId = ImportedFileState.idOf(folder.name(), relative);
        ImportedFileState previous = mongo.findById(stateId, ImportedFileState.class);
        long size;
        long modified;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            tally.refuse(relative, "could not be read: " + e.getMessage());
            return;
        }
        if (previous != null && previous.sameAs(size, modified)) {
            if (previous.refusal() == null) {
                tally.unchanged++;
            } else {
                tally.refuse(relative, previous.refusal());
            }
            return;
        }
        try {
            ImportedFile imported = importCopy(folder, file, relative);
            mongo.save(new ImportedFileState(stateId, size, modified, imported.assetId().value(), null));
            if (previous == null) {
                tally.newFiles++;
            } else {
                tally.changed++;
            }
        } catch (IOException e) {
            // not recorded: the next scan tries again
            tally.refuse(relative, "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (ErrorKind.domainCause(e).isEmpty()) {
                throw e;
            }
            mongo.save(new ImportedFileState(stateId, size, modified, null, e.getMessage()));
            tally.refuse(relative, e.getMessage());
        }
    }

    /** A copy, so that the importer can consume it while the folder's file stays where its owner put it. */
    private ImportedFile importCopy(ImportFolder folder, Path file, String relative) throws IOException {
        Path staged = staging.newFile();
        try {
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            return importer.importFile(staged, file.getFileName().toString(),
                    new ImportDetails(null, libraryFolder(folder, relative), folder.tags()));
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The configured library folder, and below it the file's sub-folders on disk. */
    private static String libraryFolder(ImportFolder folder, String relative) {
        int lastSlash = relative.lastIndexOf('/');
        return lastSlash < 0 ? folder.folder() : folder.folder() + "/" + relative.substring(0, lastSlash);
    }

    /**
     * The files seen before and not now. The states of one folder share an id prefix, read as a range of ids
     * (MongoDB answers it from the _id index; the embedded server reads the collection).
     */
    private void reportRemoved(String folderName, Set<String> seen, Tally tally) {
        String prefix = ImportedFileState.idOf(folderName, "");
        Query ofFolder = Query.query(where("_id").gte(prefix).lt(folderName + ";"));
        for (ImportedFileState state : mongo.find(ofFolder, ImportedFileState.class)) {
            String relative = state.id().substring(prefix.length());
            if (!seen.contains(relative)) {
                tally.remove(relative);
                mongo.remove(Query.query(where("_id").is(state.id())), ImportedFileState.class);
            }
        }
    }

    private static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private ImportFolderScan save(ImportFolderScan scan) {
        mongo.save(scan);
        mongo.save(scan.asLast());
        return scan;
    }

    /** The counts of a scan in progress. */
    private final class Tally {

        private final String scanId;
        private final String folder;
        private final Instant startedAt;
        private long found;
        private long newFiles;
        private long unchanged;
        private long changed;
        private long refused;
        private long removed;
        private final List<RefusedFile> refusedFiles = new ArrayList<>();
        private final List<String> removedFiles = new ArrayList<>();

        private Tally(String scanId, String folder, Instant startedAt) {
            this.scanId = scanId;
            this.folder = folder;
            this.startedAt = startedAt;
        }

        private void refuse(String path, String reason) {
            refused++;
            if (refusedFiles.size() < ImportFolderScan.MAX_LISTED) {
                refusedFiles.add(new RefusedFile(path, reason));
            }
        }

        private void remove(String path) {
            removed++;
            if (removedFiles.size() < ImportFolderScan.MAX_LISTED) {
                removedFiles.add(path);
            }
        }

        private ImportFolderScan summary(Status status, String failure) {
            return new ImportFolderScan(scanId, scanId, folder, status, startedAt,
                    status == Status.RUNNING || status == Status.QUEUED ? null : clock.instant(), found, newFiles, unchanged, changed, refused,
                    removed, List.copyOf(refusedFiles), List.copyOf(removedFiles), failure);
        }
    }
}
