package io.playmark.query.campaign;

import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.FindAssetUsesQuery;
import io.playmark.kernel.campaign.CampaignCapsSetEvent;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignCreativesSetEvent;
import io.playmark.kernel.campaign.CampaignDaypartsSetEvent;
import io.playmark.kernel.campaign.CampaignFlightSetEvent;
import io.playmark.kernel.campaign.CampaignGoalSetEvent;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignPrioritySetEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CampaignSeparationSetEvent;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CampaignStatusChangedEvent;
import io.playmark.kernel.campaign.CampaignTargetingSetEvent;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.FindCampaignPlanQuery;
import io.playmark.kernel.campaign.FindCampaignPlansQuery;
import io.playmark.kernel.campaign.FindCampaignQuery;
import io.playmark.kernel.campaign.FindCampaignsQuery;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.query.campaign.CampaignView.CreativeView;
import io.playmark.query.campaign.CampaignView.DaypartView;
import io.playmark.query.campaign.CampaignView.FlightView;
import io.playmark.query.campaign.CampaignView.GoalView;
import io.playmark.query.rebuild.Rebuilds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@value CampaignView#COLLECTION} collection in MongoDB, which dashboards and GraphQL read. Each event
 * after the creation sets its fields in place, only on a view older than the event, so redelivery is harmless.
 */
@Component
@ProcessingGroup(CampaignReadModelProjection.PROCESSING_GROUP)
public class CampaignReadModelProjection {

    public static final String PROCESSING_GROUP = "campaign-read-model";

    private final MongoTemplate mongo;
    private final Rebuilds rebuilds;

    public CampaignReadModelProjection(MongoTemplate mongo, Rebuilds rebuilds) {
        this.mongo = mongo;
        this.rebuilds = rebuilds;
        indexStatus(CampaignView.COLLECTION);
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        CampaignView created = CampaignView.created(event.campaignId(), event.name(), event.advertiser(), at, version);
        for (String collection : destination(token).writes()) {
            if (mongo.findById(event.campaignId(), CampaignView.class, collection) == null) {
                mongo.save(created, collection);
            }
        }
    }

    @EventHandler
    void on(CampaignRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("name", event.name()), token);
    }

    @EventHandler
    void on(CampaignFlightSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("flight", new FlightView(event.start(), event.end())),
                token);
    }

    @EventHandler
    void on(CampaignDaypartsSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        List<DaypartView> dayparts = event.dayparts().stream().map(part -> new DaypartView(
                part.days().stream().sorted().toList(), part.from().toString(), part.to().toString(),
                part.crossesMidnight())).toList();
        update(event.campaignId(), version, at, Update.update("dayparts", dayparts), token);
    }

    @EventHandler
    void on(CampaignTargetingSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("targeting", event.targeting()), token);
    }

    @EventHandler
    void on(CampaignCreativesSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        List<CreativeView> creatives = event.creatives().stream()
                .map(c -> new CreativeView(c.assetId(), c.orientation(), c.weight())).toList();
        update(event.campaignId(), version, at, Update.update("creatives", creatives), token);
    }

    @EventHandler
    void on(CampaignPrioritySetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at,
                Update.update("tier", event.tier()).set("preemptible", event.preemptible()), token);
    }

    @EventHandler
    void on(CampaignGoalSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("goal", new GoalView(event.kind(), event.target())),
                token);
    }

    @EventHandler
    void on(CampaignCapsSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("caps", new FrequencyCaps(event.maxPlaysPerHour(),
                event.maxPlaysPerDay(), event.minMinutesBetweenPlays())), token);
    }

    @EventHandler
    void on(CampaignSeparationSetEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("separation", event.category() == null ? null
                : new CompetitiveSeparation(event.category(), event.minMinutesApart())), token);
    }

    @EventHandler
    void on(CampaignStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            TrackingToken token) {
        update(event.campaignId(), version, at, Update.update("status", event.to()), token);
    }

    private void update(String campaignId, long version, Instant at, Update update, TrackingToken token) {
        update.set("updatedAt", at).set("version", version);
        for (String collection : destination(token).writes()) {
            mongo.updateFirst(Query.query(where("_id").is(campaignId).and("version").lt(version)), update,
                    CampaignView.class, collection);
        }
    }

    /** During a rebuild, the shadow collection; for live events the live one too. */
    private Rebuilds.Destination destination(TrackingToken token) {
        return rebuilds.destination(PROCESSING_GROUP, CampaignView.COLLECTION, token);
    }

    /** Queries keep reading the live collection while the replay fills a shadow one, swapped in when caught up. */
    @ResetHandler
    void rebuildReadModel() {
        indexStatus(rebuilds.buildShadowCollection(PROCESSING_GROUP, CampaignView.COLLECTION));
    }

    /** Campaigns that will or may still show the asset; completed and archived ones keep it only in their history. */
    @QueryHandler
    List<AssetUse> find(FindAssetUsesQuery query) {
        Query showing = Query.query(where("creatives.assetId").is(query.assetId().value())
                .and("status").nin(CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED));
        return mongo.find(showing, CampaignView.class).stream()
                .map(campaign -> new AssetUse(AssetUse.Kind.CAMPAIGN, campaign.id(), campaign.name())).toList();
    }

    /** A small collection: the campaigns in the window are found by scanning the booked ones. */
    @QueryHandler
    List<CampaignPlan> find(FindCampaignPlansQuery query) {
        Query booked = Query.query(where("status").in(CampaignStatus.BOOKED, CampaignStatus.ACTIVE,
                CampaignStatus.PAUSED).and("flight.start").lt(query.to()).and("flight.end").gt(query.from()));
        return mongo.find(booked.with(Sort.by("_id")), CampaignView.class).stream().map(CampaignView::plan).toList();
    }

    @QueryHandler
    CampaignPlan find(FindCampaignPlanQuery query) {
        CampaignView view = mongo.findById(query.campaignId().value(), CampaignView.class);
        return view == null ? null : view.plan();
    }

    @QueryHandler
    CampaignView find(FindCampaignQuery query) {
        return mongo.findById(query.campaignId().value(), CampaignView.class);
    }

    @QueryHandler
    CampaignPage find(FindCampaignsQuery query) {
        Query page = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(query.first() + 1);
        if (query.status() == CampaignStatus.DRAFT) {
            // views written before campaigns had a status are drafts
            page.addCriteria(where("status").in(CampaignStatus.DRAFT, null));
        } else if (query.status() != null) {
            page.addCriteria(where("status").is(query.status()));
        }
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

    /**
     * The index a real MongoDB pages campaigns of one status by; the embedded server skips it, and scans the
     * (small) collection.
     */
    private void indexStatus(String collection) {
        mongo.indexOps(collection).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("status_createdAt"));
        // which campaigns show an asset (FindAssetUsesQuery): a multikey index on a real MongoDB
        mongo.indexOps(collection).createIndex(new Index().on("creatives.assetId", Sort.Direction.ASC)
                .named("creatives_assetId"));
    }
}
