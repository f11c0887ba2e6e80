package io.playmark.query.report;

import io.playmark.kernel.report.FindReportQuery;
import io.playmark.kernel.report.ReportChangedEvent;
import io.playmark.kernel.report.ReportDefinedEvent;
import io.playmark.kernel.report.ReportDeletedEvent;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.ReportSchedulePausedEvent;
import io.playmark.kernel.report.ReportScheduleResumedEvent;
import io.playmark.kernel.report.ReportScheduledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps {@value ReportView#COLLECTION}: each event sets its fields only on a view older than the event, so
 * redelivery is harmless; a deleted report's view is removed. Pages of definitions go by id, the collection's key.
 */
@Component
@ProcessingGroup(ReportDefinitionProjection.PROCESSING_GROUP)
public class ReportDefinitionProjection {

    public static final String PROCESSING_GROUP = "report-definitions";

    private final MongoTemplate mongo;

    public ReportDefinitionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReportDefinedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (mongo.findById(event.reportId(), ReportView.class) == null) {
            mongo.save(new ReportView(event.reportId(), event.name(), event.spec(), null, false, at, at, version));
        }
    }

    @EventHandler
    void on(ReportChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.reportId(), version, at, Update.update("name", event.name()).set("spec", event.spec()));
    }

    @EventHandler
    void on(ReportScheduledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        ReportSchedule s = event.schedule();
        var view = new ReportView.ScheduleView(s.frequency().name(), s.at().toString(), s.zone(),
                s.dayOfWeek() == null ? null : s.dayOfWeek().name(), s.dayOfMonth(), s.emails(),
                s.webhook() == null ? null : s.webhook().toString(), s.cron());
        update(event.reportId(), version, at, Update.update("schedule", view).set("schedulePaused", false));
    }

    @EventHandler
    void on(ReportSchedulePausedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.reportId(), version, at, Update.update("schedulePaused", true));
    }

    @EventHandler
    void on(ReportScheduleResumedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.reportId(), version, at, Update.update("schedulePaused", false));
    }

    @EventHandler
    void on(ReportDeletedEvent event) {
        mongo.remove(Query.query(where("_id").is(event.reportId())), ReportView.class);
    }

    private void update(String id, long version, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("version").lt(version)),
                update.set("version", version).set("updatedAt", at), ReportView.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReportView.class);
    }

    @QueryHandler
    ReportView find(FindReportQuery query) {
        return mongo.findById(query.reportId().value(), ReportView.class);
    }

    /** Up to {@code first} + 1 definitions after the id {@code after}, in id order. */
    List<ReportView> page(int first, String after) {
        Criteria criteria = after == null ? new Criteria() : where("_id").gt(after);
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(first + 1), ReportView.class);
    }
}
