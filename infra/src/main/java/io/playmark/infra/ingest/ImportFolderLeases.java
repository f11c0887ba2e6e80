package io.playmark.infra.ingest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One scan of a folder at a time, across instances: a scan holds its folder's lease (a document under the folder's
 * name) while it runs and renews it as it goes; a lease whose holder died runs out, so a crash never blocks a folder.
 */
class ImportFolderLeases {

    static final Duration LEASE = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final Clock clock;

    ImportFolderLeases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("import_folder_scan_leases")
    record Lease(@Id String folder, String scanId, Instant until) {
    }

    /** Takes or renews the folder's lease for the scan; false while another scan holds it. */
    boolean hold(String folder, String scanId) {
        Instant now = clock.instant();
        Query free = Query.query(where("_id").is(folder).orOperator(
                where("until").lt(now), where("scanId").is(scanId)));
        try {
            mongo.findAndModify(free, new Update().set("scanId", scanId).set("until", now.plus(LEASE)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Lease.class);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    void release(String folder, String scanId) {
        mongo.remove(Query.query(where("_id").is(folder).and("scanId").is(scanId)), Lease.class);
    }

    /** The scan that holds the folder now, if any. */
    Optional<String> holder(String folder) {
        Lease lease = mongo.findById(folder, Lease.class);
        return lease == null || lease.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(lease.scanId());
    }

}
