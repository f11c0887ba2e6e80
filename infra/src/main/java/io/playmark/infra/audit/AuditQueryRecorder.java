package io.playmark.infra.audit;

import io.playmark.kernel.audit.AuditQueryAskedEvent;
import io.playmark.query.audit.AuditTrail;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Records each audit query as an event in the event store, with the same who-and-where metadata a command's events
 * carry: append-only like every other event, and found by whatever reads the store.
 */
@Component
class AuditQueryRecorder implements AuditTrail {

    private final EventGateway events;

    AuditQueryRecorder(EventGateway events) {
        this.events = events;
    }

    @Override
    public void record(String query, String aggregateType, String aggregateId, String parameters) {
        Map<String, Object> identity = AuditMetadataDispatchInterceptor.requestIdentity();
        events.publish(GenericEventMessage.asEventMessage(new AuditQueryAskedEvent(UUID.randomUUID().toString(),
                query, aggregateType, aggregateId, parameters)).andMetaData(identity));
    }
}
