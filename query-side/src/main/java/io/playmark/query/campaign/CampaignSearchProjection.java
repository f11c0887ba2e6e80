package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.SearchCampaignsQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

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
        index.put(new CampaignSearchDocument(event.campaignId(), event.name(), event.advertiser(), at, at, version),
                version, !ReplayToken.isReplay(token));
    }

    @EventHandler
    void on(CampaignRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        index.get(event.campaignId()).ifPresent(current ->
                index.put(current.renamed(event.name(), at, version), version, !ReplayToken.isReplay(token)));
    }

    @ResetHandler
    void dropIndex() {
        index.recreate();
    }

    @QueryHandler
    List<CampaignSearchDocument> search(SearchCampaignsQuery query) {
        return index.search(query.text(), query.first());
    }
}
