package io.playmark.infra.operations;

import io.playmark.kernel.campaign.CampaignRenamedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A projection of the test application that cannot handle a rename to a name starting "Poisoned" until its campaign
 * is healed, so that DeadLettersIT sees a real projection park events, and remembers the names it handled.
 */
@Component
@ProcessingGroup(DeadLetterProbe.PROCESSING_GROUP)
public class DeadLetterProbe {

    static final String PROCESSING_GROUP = "dead-letter-probe";

    private final Map<String, List<String>> handled = new ConcurrentHashMap<>();
    private final Set<String> healed = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(CampaignRenamedEvent event) {
        if (event.name().startsWith("Poisoned") && !healed.contains(event.campaignId())) {
            throw new IllegalStateException("The probe cannot handle " + event.name());
        }
        handled.computeIfAbsent(event.campaignId(), id -> new CopyOnWriteArrayList<>()).add(event.name());
    }

    List<String> handled(String campaignId) {
        return handled.getOrDefault(campaignId, List.of());
    }

    void heal(String campaignId) {
        healed.add(campaignId);
    }
}
