package io.playmark.query.decisioning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.play.DeliveredPlays;
import io.playmark.kernel.play.FindDeliveredPlaysQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each campaign with a plays goal stands against even delivery over its flight, as of the start of the
 * current hour: delivered plays (proof of play) over what an even delivery would have reached by then. Counted once
 * an hour per campaign, so a playlist changes with pacing at most hourly; without the plays index (Elasticsearch
 * down) campaigns are not paced rather than playlists failing.
 */
@Component
class CampaignPacing {

    private static final Logger log = LoggerFactory.getLogger(CampaignPacing.class);

    private record Key(String campaignId, Instant hour) {
    }

    private final QueryGateway queries;
    private final Clock clock;
    private final Cache<Key, Long> delivered = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(2)).build();

    CampaignPacing(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The hour pacing stands at now; playlists resolved in another hour may pace otherwise. */
    Instant hour() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    /** delivered / expected per campaign id, for the campaigns with a plays goal whose flight began before the hour. */
    Map<String, Double> paces(List<CampaignPlan> plans) {
        Instant hour = hour();
        List<CampaignPlan> paced = plans.stream().filter(plan -> plan.goal() != null
                && plan.goal().kind() == GoalKind.PLAYS && plan.flight() != null
                && plan.flight().start().isBefore(hour)).toList();
        if (paced.isEmpty()) {
            return Map.of();
        }
        Map<Key, Long> counts;
        try {
            counts = delivered.getAll(paced.stream().map(plan -> new Key(plan.id().value(), hour)).toList(),
                    missing -> fetch(missing, hour));
        } catch (RuntimeException unavailable) {
            log.warn("Delivered plays could not be counted; campaigns are not paced this time: {}",
                    unavailable.toString());
            return Map.of();
        }
        Map<String, Double> paces = new HashMap<>();
        for (CampaignPlan plan : paced) {
            double expected = plan.goal().target() * plan.flight().elapsedShare(hour);
            paces.put(plan.id().value(), counts.getOrDefault(new Key(plan.id().value(), hour), 0L) / expected);
        }
        return paces;
    }

    private Map<Key, Long> fetch(Set<? extends Key> missing, Instant hour) {
        DeliveredPlays counted = queries.query(new FindDeliveredPlaysQuery(missing.stream().map(Key::campaignId)
                .collect(Collectors.toSet()), hour), ResponseTypes.instanceOf(DeliveredPlays.class)).join();
        return missing.stream().collect(Collectors.toMap(key -> key, key -> counted.of(key.campaignId())));
    }
}
