package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignSummary;
import io.playmark.kernel.campaign.FindCampaignSummaryQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers what other features copy of a campaign and pace it by, from its read model. */
@Component
class CampaignSummaries {

    private final MongoTemplate mongo;

    CampaignSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CampaignSummary find(FindCampaignSummaryQuery query) {
        CampaignView view = mongo.findById(query.campaignId().value(), CampaignView.class);
        if (view == null) {
            return null;
        }
        return new CampaignSummary(view.id(), view.name(), view.advertiser(),
                view.goal() == null ? null : view.goal().kind(), view.goal() == null ? 0 : view.goal().target(),
                view.flight() == null ? null : view.flight().start(), view.flight() == null ? null : view.flight().end());
    }
}
