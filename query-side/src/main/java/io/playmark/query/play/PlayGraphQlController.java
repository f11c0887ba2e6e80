package io.playmark.query.play;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.player.PlayerId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Delivery analytics and the data-quality view over GraphQL, for every staff role. */
@Controller
class PlayGraphQlController {

    private final PlayAnalytics analytics;
    private final CampaignDeliveryFeed live;
    private final Clock clock;

    PlayGraphQlController(PlayAnalytics analytics, CampaignDeliveryFeed live, Clock clock) {
        this.analytics = analytics;
        this.live = live;
        this.clock = clock;
    }

    /** A page of plays as a Relay connection. */
    record PlayConnection(List<Edge> edges, PageInfo pageInfo) {

        record Edge(PlayDocument node, String cursor) {
        }

        record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
        }

        static PlayConnection of(PlayAnalytics.PlayPage page) {
            List<Edge> edges = page.plays().stream()
                    .map(play -> new Edge(play, PlayAnalytics.PlayCursor.of(play).encode())).toList();
            return new PlayConnection(edges, new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                    edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
        }
    }

    /** A player's reporting progress. */
    record PlayerReporting(String playerId, Instant completeUntil) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    CampaignDelivery campaignDelivery(@Argument String campaignId, @Argument Instant from, @Argument Instant to,
                                      @Argument CampaignDelivery.DeliveryInterval interval, @Argument String zone) {
        return analytics.delivery(new CampaignId(campaignId), from, to, interval, zone);
    }

    @SubscriptionMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    Flux<CampaignDelivery> campaignDeliveryUpdates(@Argument String campaignId, @Argument Instant from,
                                                   @Argument Instant to,
                                                   @Argument CampaignDelivery.DeliveryInterval interval,
                                                   @Argument String zone) {
        return live.follow(new CampaignDeliveryFeed.Subject(new CampaignId(campaignId), from, to, interval, zone));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlayConnection flaggedPlays(@Argument int first, @Argument String after) {
        return PlayConnection.of(analytics.flagged(first, after));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlayerReporting playerReporting(@Argument String playerId) {
        PlayerId player = new PlayerId(playerId);
        return new PlayerReporting(player.value(), analytics.completeUntil(player));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    DeliveryCounts playRollup(@Argument String playerId, @Argument String campaignId, @Argument String assetId,
                              @Argument Instant hour) {
        return analytics.rollup(new PlayerId(playerId), campaignId == null ? null : new CampaignId(campaignId),
                new AssetId(assetId).value(), hour);
    }

    @SchemaMapping(typeName = "CampaignDelivery")
    List<PlayAnalytics.LocationBreakdown> locations(CampaignDelivery delivery, @Argument int precision) {
        return analytics.locations(new CampaignId(delivery.campaignId()), delivery.from(), delivery.to(), precision);
    }

    @SchemaMapping(typeName = "CampaignDelivery")
    DeliveryGoal goal(CampaignDelivery delivery) {
        return analytics.goal(new CampaignId(delivery.campaignId()), clock.instant());
    }
}
