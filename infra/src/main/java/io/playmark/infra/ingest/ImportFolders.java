package io.playmark.infra.ingest;

import io.playmark.command.asset.FileImporter;
import io.playmark.infra.ingest.ImportFolderProperties.ImportFolder;
import io.playmark.kernel.NotFoundException;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * The configured import folders: each scanned by a JobRunr recurring job of its own (one run per schedule across the
 * instances), and on demand.
 */
@Configuration(proxyBeanMethods = false)
class ImportFolders {

    private final ImportFolderProperties properties;
    private final JobScheduler jobs;
    private final MongoTemplate mongo;

    private final Clock clock;
    private final ImportFolderLeases leases;

    ImportFolders(ImportFolderProperties properties, JobScheduler jobs, MongoTemplate mongo, Clock clock) {
        this.properties = properties;
        this.jobs = jobs;
        this.mongo = mongo;
        this.clock = clock;
        this.leases = new ImportFolderLeases(mongo, clock);
    }

    @Bean
    ImportFolderScanner importFolderScanner(FileImporter importer, IngestStaging staging, Clock clock) {
        return new ImportFolderScanner(properties, importer, staging, mongo, clock, leases);
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleScans() {
        for (ImportFolder folder : properties.importFolders()) {
            String name = folder.name();
            jobs.createRecurrently(aRecurringJob().withId("import-folder-scan-" + name)
                    .withName("Scan import folder " + name)
                    .withCron(properties.importScanCron()).withZoneId(ZoneOffset.UTC)
                    .<ImportFolderScanner>withDetails(scanner -> scanner.scan(name, JobContext.Null)));
        }
    }

    List<ImportFolder> all() {
        return properties.importFolders();
    }

    /** Starts a scan now, or answers the scan of the folder that is running already; its id is its job's. */
    UUID scan(String name) {
        String folderName = folder(name).name();
        Optional<String> running = leases.holder(folderName);
        if (running.isPresent()) {
            return UUID.fromString(running.get());
        }
        UUID scanId = UUID.randomUUID();
        mongo.insert(ImportFolderScan.queued(scanId.toString(), folderName, clock.instant()));
        jobs.<ImportFolderScanner>enqueue(scanId, scanner -> scanner.scan(folderName, JobContext.Null));
        return scanId;
    }

    Optional<ImportFolderScan> findScan(String name, String scanId) {
        String folderName = folder(name).name();
        return Optional.ofNullable(mongo.findById(scanId, ImportFolderScan.class))
                .filter(scan -> scan.folder().equals(folderName));
    }

    private ImportFolder folder(String name) {
        return properties.find(name).orElseThrow(() -> new NotFoundException("No import folder named " + name));
    }

    Optional<ImportFolderScan> lastScan(String name) {
        return Optional.ofNullable(mongo.findById(ImportFolderScan.lastId(name), ImportFolderScan.class));
    }
}
