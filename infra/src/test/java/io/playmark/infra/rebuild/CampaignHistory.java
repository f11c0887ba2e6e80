package io.playmark.infra.rebuild;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * History for a projection to rebuild, appended straight to the event store: campaigns created and renamed as the
 * aggregate would have recorded them, without waiting for a command each (tens of thousands of them would take
 * minutes through the API).
 */
public final class CampaignHistory {

    private static final int APPEND = 500;

    private CampaignHistory() {
    }

    /**
     * Appends {@code events} events: campaigns created, every second one renamed once.
     *
     * @return the campaigns' count
     */
    public static int append(EventStore store, String prefix, int events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int campaigns = 0;
        for (int written = 0; written < events; campaigns++) {
            String id = UUID.randomUUID().toString();
            batch.add(event(id, 0, new CampaignCreatedEvent(id, prefix + " " + campaigns, "Advertiser " + campaigns % 97)));
            written++;
            if (campaigns % 2 == 1 && written < events) {
                batch.add(event(id, 1, new CampaignRenamedEvent(id, prefix + " " + campaigns + " renamed")));
                written++;
            }
            if (batch.size() >= APPEND) {
                store.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
        return campaigns;
    }

    private static DomainEventMessage<?> event(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Campaign", id, sequence, payload);
    }
}
