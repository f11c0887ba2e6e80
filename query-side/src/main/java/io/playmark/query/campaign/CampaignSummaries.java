package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignSummary;
import io.playmark.kernel.campaign.FindCampaignSummaryQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers what other features copy of a campaign, from its read model. */
@Component
class CampaignSummaries {

    private final MongoTemplate mongo;

    CampaignSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CampaignSummary find(FindCampaignSummaryQuery query) {
        CampaignView view = mongo.findById(query.campaignId().value(), CampaignView.class);
        return view == null ? null : new CampaignSummary(view.id(), view.name(), view.advertiser());
    }
}
