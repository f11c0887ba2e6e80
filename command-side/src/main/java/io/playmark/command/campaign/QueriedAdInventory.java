package io.playmark.command.campaign;

import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.FindAdCapacityQuery;
import io.playmark.kernel.campaign.ProposedCampaign;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Asks the campaigns' query side, which gathers players, schedules and booked campaigns from the read models. */
@Component
class QueriedAdInventory implements AdInventory {

    private final QueryGateway queries;

    QueriedAdInventory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public AdCapacityReport capacity(ProposedCampaign campaign, Instant now) {
        return queries.query(new FindAdCapacityQuery(campaign, now), ResponseTypes.instanceOf(AdCapacityReport.class))
                .join();
    }
}
