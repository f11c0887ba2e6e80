package io.playmark.infra.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries that pin {@code _id} and add conditions (found through the {@code _id} index, IdPinnedQueries) answer as a
 * scan would: the one document when it matches the rest, nothing otherwise; a conditional upsert that finds nothing
 * collides with the document there is, as the rollups of plays rely on.
 */
class IdPinnedQueriesTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(EmbeddedMongoServer.Backend.class)
    void a_query_pinning_the_id_matches_only_that_document_and_only_when_the_rest_matches(
            EmbeddedMongoServer.Backend backend) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(backend, directory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rollups = client.getDatabase("test").getCollection("rollups");
            rollups.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "r" + i)
                    .append("plays", i).append("counted", List.of("p" + i, "q" + i))).toList());

            assertThat(ids(rollups, Filters.and(Filters.eq("_id", "r7"), Filters.nin("counted", "x", "y"))))
                    .containsExactly("r7");
            assertThat(ids(rollups, Filters.and(Filters.eq("_id", "r7"), Filters.nin("counted", "x", "q7"))))
                    .isEmpty();
            assertThat(ids(rollups, Filters.and(Filters.eq("_id", "r7"), Filters.gte("plays", 8)))).isEmpty();
            assertThat(ids(rollups, Filters.and(Filters.eq("_id", "missing"), Filters.ne("counted", "p1"))))
                    .isEmpty();
            // not pinned to one value: answered as before
            assertThat(ids(rollups, Filters.and(Filters.in("_id", "r1", "r2", "r3"), Filters.ne("counted", "p2"))))
                    .containsExactlyInAnyOrder("r1", "r3");
            assertThat(rollups.countDocuments(Filters.and(Filters.eq("_id", "r9"), Filters.eq("plays", 9))))
                    .isEqualTo(1);

            Bson count = Updates.combine(Updates.inc("plays", 1), Updates.push("counted", "new"));
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            assertThat(rollups.updateOne(Filters.and(Filters.eq("_id", "r3"), Filters.nin("counted", "new")), count,
                    upsert).getModifiedCount()).isEqualTo(1);
            assertThatThrownBy(() -> rollups.updateOne(Filters.and(Filters.eq("_id", "r3"),
                    Filters.nin("counted", "new")), count, upsert))
                    .isInstanceOfSatisfying(MongoWriteException.class, collided -> assertThat(
                            collided.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(rollups.find(Filters.eq("_id", "r3")).first())
                    .isEqualTo(new Document("_id", "r3").append("plays", 4).append("counted", List.of("p3", "q3", "new")));
            assertThat(rollups.updateOne(Filters.and(Filters.eq("_id", "r50"), Filters.nin("counted", "new")), count,
                    upsert).getUpsertedId()).isNotNull();

            assertThat(rollups.deleteOne(Filters.and(Filters.eq("_id", "r4"), Filters.eq("plays", 5)))
                    .getDeletedCount()).isZero();
            assertThat(rollups.deleteOne(Filters.and(Filters.eq("_id", "r4"), Filters.eq("plays", 4)))
                    .getDeletedCount()).isEqualTo(1);
            assertThat(rollups.countDocuments()).isEqualTo(50);
        }
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).map(document -> document.getString("_id")).into(new java.util.ArrayList<>());
    }
}
