package io.playmark.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Indexes every event's audit metadata for audit search. It handles events of every type, in batches: the documents of
 * a processor's batch go to Elasticsearch in one bulk request with its last event, before the batch commits, so a
 * failed write fails the batch, which is handled again. The documents are searchable after the index's next refresh
 * (a second): a refresh forced by every batch made the node write a segment per batch and merge them again, the
 * largest cost of ingesting plays (docs/benchmarks.md, ingestion).
 */
@Component
@ProcessingGroup(AuditSearchProjection.PROCESSING_GROUP)
public class AuditSearchProjection {

    public static final String PROCESSING_GROUP = "audit-search";
    private static final String PENDING = AuditSearchProjection.class.getName() + ".pending";

    private final AuditSearchIndex index;

    public AuditSearchProjection(AuditSearchIndex index) {
        this.index = index;
        index.ensureExists();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        AuditSearchDocument document = AuditSearchDocument.of(event, token.position().orElse(0L));
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            index.putAll(List.of(document));
            return;
        }
        List<AuditSearchDocument> pending = batch.getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(document);
        if (batch.isLastMessage()) {
            index.putAll(pending);
        }
    }

    @ResetHandler
    void dropIndex() {
        index.recreate();
    }
}
