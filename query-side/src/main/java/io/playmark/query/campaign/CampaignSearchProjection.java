package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignFlightSetEvent;
import io.playmark.kernel.campaign.CampaignPrioritySetEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CampaignSeparationSetEvent;
import io.playmark.kernel.campaign.CampaignStatusChangedEvent;
import io.playmark.kernel.campaign.SearchCampaignsQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keeps campaigns searchable in Elasticsearch. */
@Component
@ProcessingGroup(CampaignSearchProjection.PROCESSING_GROUP)
public class CampaignSearchProjection {

    public static final String PROCESSING_GROUP = "campaign-search";

    private final CampaignSearchIndex index;

    public CampaignSearchProjection(CampaignSearchIndex index) {
        this.index = index;
        index.ensureExists();
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        index.put(CampaignSearchDocument.created(event.campaignId(), event.name(), event.advertiser(), at, version),
                version, token);
    }

    @EventHandler
    void on(CampaignRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        change(event.campaignId(), version, token, current -> current.renamed(event.name(), at, version));
    }

    @EventHandler
    void on(CampaignSeparationSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        change(event.campaignId(), version, token, current -> current.categorised(event.category(), at, version));
    }

    @EventHandler
    void on(CampaignStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        change(event.campaignId(), version, token, current -> current.withStatus(event.to(), at, version));
    }

    @EventHandler
    void on(CampaignPrioritySetEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        change(event.campaignId(), version, token, current -> current.withTier(event.tier(), at, version));
    }

    @EventHandler
    void on(CampaignFlightSetEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        change(event.campaignId(), version, token,
                current -> current.withFlight(event.start(), event.end(), at, version));
    }

    private void change(String campaignId, long version, TrackingToken token,
                        UnaryOperator<CampaignSearchDocument> change) {
        index.current(campaignId, token).ifPresent(current -> index.put(change.apply(current), version, token));
    }

    /** Searches keep reading the live index while the replay builds the next one beside it. */
    @ResetHandler
    void rebuildIndex() {
        index.beginRebuild();
    }

    @QueryHandler
    List<CampaignSearchDocument> search(SearchCampaignsQuery query) {
        return index.search(query.text(), query.first());
    }
}
