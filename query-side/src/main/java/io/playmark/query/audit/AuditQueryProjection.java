package io.playmark.query.audit;

import io.playmark.kernel.audit.AuditQueryAskedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps the {@value AuditQueryView#COLLECTION} collection: who asked the audit trail what. A save by key is idempotent. */
@Component
@ProcessingGroup(AuditQueryProjection.PROCESSING_GROUP)
public class AuditQueryProjection {

    public static final String PROCESSING_GROUP = "audit-queries";

    private final MongoTemplate mongo;

    AuditQueryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AuditQueryAskedEvent event, @Timestamp Instant at, @MetaDataValue("principal") String principal,
            @MetaDataValue("apiKeyId") String apiKeyId, @MetaDataValue("tokenSubject") String tokenSubject,
            @MetaDataValue("clientAddress") String clientAddress) {
        mongo.save(new AuditQueryView(AuditQueryView.keyOf(at, event.queryId()), event.queryId(), event.query(),
                event.aggregateType(), event.aggregateId(), event.parameters(), at, principal, apiKeyId, tokenSubject,
                clientAddress));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AuditQueryView.class);
    }
}
