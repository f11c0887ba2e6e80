package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.FindCampaignQuery;
import io.playmark.kernel.campaign.FindCampaignsQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the {@value CampaignView#COLLECTION} collection in MongoDB, which dashboards and GraphQL read. */
@Component
@ProcessingGroup(CampaignReadModelProjection.PROCESSING_GROUP)
public class CampaignReadModelProjection {

    public static final String PROCESSING_GROUP = "campaign-read-model";

    private final MongoTemplate mongo;

    public CampaignReadModelProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (mongo.findById(event.campaignId(), CampaignView.class) == null) {
            mongo.save(new CampaignView(event.campaignId(), event.name(), event.advertiser(), at, at, version));
        }
    }

    @EventHandler
    void on(CampaignRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        CampaignView current = mongo.findById(event.campaignId(), CampaignView.class);
        if (current != null && current.version() < version) {
            mongo.save(current.renamed(event.name(), at, version));
        }
    }

    @ResetHandler
    void dropReadModel() {
        mongo.dropCollection(CampaignView.class);
    }

    @QueryHandler
    CampaignView find(FindCampaignQuery query) {
        return mongo.findById(query.campaignId().value(), CampaignView.class);
    }

    @QueryHandler
    CampaignPage find(FindCampaignsQuery query) {
        Query page = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(query.first() + 1);
        if (query.after() != null) {
            CampaignCursor after = CampaignCursor.decode(query.after());
            page.addCriteria(new Criteria().orOperator(
                    where("createdAt").lt(after.createdAt()),
                    where("createdAt").is(after.createdAt()).and("_id").lt(after.id())));
        }
        List<CampaignView> found = mongo.find(page, CampaignView.class);
        boolean hasNextPage = found.size() > query.first();
        List<CampaignView> items = hasNextPage ? found.subList(0, query.first()) : found;
        return new CampaignPage(items, items.stream().map(view -> CampaignCursor.of(view).encode()).toList(),
                hasNextPage);
    }
}
