package io.playmark.query.play;

import io.playmark.kernel.play.PlayRecordedEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * How far each player has reported its plays: the latest start among its plays, in {@value Reported#COLLECTION} by
 * player id, raised with {@code $max} so that late plays never move it back. A player's hour is complete once a play
 * that started at or after the hour's end is recorded; until then it is open (ADR 0014).
 */
@Component
class PlayReporting {

    private final MongoTemplate mongo;

    PlayReporting(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(Reported.COLLECTION)
    record Reported(@Id String playerId, Instant latestStart) {
        static final String COLLECTION = "play_reporting";

        /** The first hour still open: the one the latest play started in. */
        Instant openFrom() {
            return latestStart.truncatedTo(ChronoUnit.HOURS);
        }
    }

    void reported(Collection<PlayRecordedEvent> plays) {
        Map<String, Instant> latest = plays.stream().collect(Collectors.toMap(PlayRecordedEvent::playerId,
                PlayRecordedEvent::startedAt, (one, other) -> one.isAfter(other) ? one : other));
        latest.forEach((player, startedAt) -> mongo.upsert(Query.query(where("_id").is(player)),
                new Update().max("latestStart", startedAt), Reported.class));
    }

    /** What these players have reported; a player that never reported is missing. */
    Map<String, Reported> of(Collection<String> playerIds) {
        return mongo.find(Query.query(where("_id").in(playerIds)), Reported.class).stream()
                .collect(Collectors.toMap(Reported::playerId, reported -> reported));
    }

    void dropAll() {
        mongo.dropCollection(Reported.class);
    }
}
