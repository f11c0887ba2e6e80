package io.playmark.query.play;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.AssetSummary;
import io.playmark.kernel.asset.FindAssetSummaryQuery;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignSummary;
import io.playmark.kernel.campaign.FindCampaignSummaryQuery;
import io.playmark.kernel.play.PlayRecordedEvent;
import io.playmark.kernel.player.FindPlayerSummaryQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerSummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The player, asset and campaign a play names, asked of their features by id. Plays come in bursts of the same
 * few, so each one found is kept for {@value #KEPT_SECONDS} s: a rename shows in plays indexed after that.
 */
@Component
class PlayReferences {

    private static final int KEPT_SECONDS = 10;
    private static final int MAX_KEPT = 10_000;

    private final QueryGateway queries;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    PlayReferences(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** What the play names, each null when unknown. */
    record Known(PlayerSummary player, AssetSummary asset, CampaignSummary campaign) {

        List<PlayFlag> flags(PlayRecordedEvent play) {
            List<PlayFlag> flags = new ArrayList<>();
            if (player == null) {
                flags.add(PlayFlag.UNKNOWN_PLAYER);
            }
            if (asset == null) {
                flags.add(PlayFlag.UNKNOWN_ASSET);
            } else if (asset.status() == AssetStatus.DELETED) {
                flags.add(PlayFlag.DELETED_ASSET);
            }
            if (play.campaignId() != null && campaign == null) {
                flags.add(PlayFlag.UNKNOWN_CAMPAIGN);
            }
            return flags;
        }
    }

    private record Kept(Object value, Instant until) {
    }

    Known of(PlayRecordedEvent play) {
        return new Known(find(new FindPlayerSummaryQuery(new PlayerId(play.playerId())), play.playerId(),
                PlayerSummary.class),
                find(new FindAssetSummaryQuery(new AssetId(play.assetId())), play.assetId(), AssetSummary.class),
                play.campaignId() == null ? null : find(new FindCampaignSummaryQuery(new CampaignId(play.campaignId())),
                        play.campaignId(), CampaignSummary.class));
    }

    private <T> T find(Object query, String id, Class<T> type) {
        Instant now = clock.instant();
        String key = type.getSimpleName() + ":" + id;
        Kept found = kept.get(key);
        if (found != null && !found.until().isBefore(now)) {
            return type.cast(found.value());
        }
        T value = queries.query(query, ResponseTypes.instanceOf(type)).join();
        // an unknown one is asked again: it may be in its read model a moment later
        if (value != null) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, new Kept(value, now.plus(Duration.ofSeconds(KEPT_SECONDS))));
        }
        return value;
    }

    /** Forgets everything, so that a replay reads the models anew. */
    void forget() {
        kept.clear();
    }
}
