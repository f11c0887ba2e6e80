package io.playmark.query.player;

import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerSightings;
import io.playmark.kernel.player.PlayerStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * When each player was last heard from, one document per player in {@value LastSeen#COLLECTION} (read and written by
 * _id), and the status that follows: online when heard from within {@code playmark.players.offline-after}.
 * Not a projection: a heartbeat is no event, and replaying the players does not touch it.
 */
@Component
public class PlayerPresence implements PlayerSightings {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration offlineAfter;

    PlayerPresence(MongoTemplate mongo, Clock clock,
                   @Value("${playmark.players.offline-after:3m}") Duration offlineAfter) {
        this.mongo = mongo;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
    }

    @Document(LastSeen.COLLECTION)
    record LastSeen(@Id String id, Instant lastSeenAt) {
        static final String COLLECTION = "player_last_seen";
    }

    /** One atomic upsert: a later time wins ($max), so heartbeats arriving out of order do no harm. */
    @Override
    public void seen(PlayerId player, Instant at) {
        mongo.findAndModify(Query.query(where("_id").is(player.value())), new Update().max("lastSeenAt", at),
                FindAndModifyOptions.options().upsert(true), LastSeen.class);
    }

    /** Heard from now: what a heartbeat records, answered with the time recorded (MongoDB keeps milliseconds). */
    Instant seenNow(PlayerId player) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        seen(player, now);
        return now;
    }

    Map<String, Instant> lastSeen(Collection<String> playerIds) {
        return mongo.find(Query.query(where("_id").in(playerIds)), LastSeen.class).stream()
                .collect(Collectors.toMap(LastSeen::id, LastSeen::lastSeenAt));
    }

    PlayerStatus status(PlayerView player, Instant lastSeenAt) {
        if (player.decommissioned()) {
            return PlayerStatus.DECOMMISSIONED;
        }
        return lastSeenAt != null && !lastSeenAt.isBefore(clock.instant().minus(offlineAfter))
                ? PlayerStatus.ONLINE : PlayerStatus.OFFLINE;
    }
}
