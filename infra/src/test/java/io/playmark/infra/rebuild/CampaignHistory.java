package io.playmark.infra.rebuild;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.nio.charset.StandardCharsets;
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
        return append(store, prefix, events, true);
    }

    /** Appends {@code campaigns} creations, of the campaigns {@link #created} describes. */
    public static void appendCreations(EventStore store, String prefix, int campaigns) {
        append(store, prefix, campaigns, false);
    }

    /** The {@code i}th campaign {@link #appendCreations} creates, the same every time. */
    public static CampaignCreatedEvent created(String prefix, int i) {
        String id = UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)).toString();
        return new CampaignCreatedEvent(id, prefix + " " + i, "Advertiser " + i % 97);
    }

    private static int append(EventStore store, String prefix, int events, boolean renames) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int campaigns = 0;
        for (int written = 0; written < events; campaigns++) {
            CampaignCreatedEvent created = created(prefix, campaigns);
            String id = created.campaignId();
            batch.add(event(id, 0, created));
            written++;
            if (renames && campaigns % 2 == 1 && written < events) {
                batch.add(event(id, 1, new CampaignRenamedEvent(id, prefix + " " + campaigns + " renamed",
                        created.name())));
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
