package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetEvent;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.asset.PlayerCompatibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The file a profile played of an asset after some of its events: the events folded through the same
 * {@link AssetState} the asset projections keep their views with, so the past reads exactly as the read model did.
 * The audit hands it an asset's events up to a moment.
 */
@Component
public class PastPlayableFiles {

    private final PlayerCompatibility compatibility;

    PastPlayableFiles(PlayerCompatibility compatibility) {
        this.compatibility = compatibility;
    }

    /** {@code events} are one asset's, in order from its first; empty when they are not an asset's. */
    public Optional<PlayableFile> after(List<? extends DomainEventMessage<?>> events, String profile) {
        if (events.isEmpty() || !(events.getFirst().getPayload() instanceof AssetRegisteredEvent registered)) {
            return Optional.empty();
        }
        AssetState state = AssetState.registered(registered, events.getFirst().getTimestamp(),
                principal(events.getFirst()));
        for (DomainEventMessage<?> event : events.subList(1, events.size())) {
            if (event.getPayload() instanceof AssetEvent change) {
                state.apply(change, event.getTimestamp(), principal(event));
            }
        }
        return state.view(events.getLast().getSequenceNumber(), compatibility).playableFile(profile);
    }

    private static String principal(DomainEventMessage<?> event) {
        return (String) event.getMetaData().get("principal");
    }
}
