package io.playmark.infra.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexKeyH2BackendTest {

    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path directory;

    @Test
    void ordersIndexKeysExactlyAsH2DoesBySerializingThem() {
        Random random = new Random(7);
        // the edges: empty, the string the stream holds a reference to, one too long for a two-byte length
        List<KeyValue> keys = new ArrayList<>(List.of(new KeyValue(""), new KeyValue("Ljava/util/List;"),
                                                      new KeyValue("Ljava/util/List"), new KeyValue("a".repeat(65_536)),
                                                      new KeyValue("b".repeat(65_535)), new KeyValue(0.0d)));
        for (int i = 0; i < 3_000; i++) {
            keys.add(randomKey(random));
        }
        ObjectDataType serializing = new ObjectDataType();
        IndexKeyDataType direct = new IndexKeyDataType();

        for (int i = 0; i < 200_000; i++) {
            KeyValue a = keys.get(random.nextInt(keys.size()));
            KeyValue b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(direct.compare(a, b)))
                    .as("%s against %s", a, b)
                    .isEqualTo(Integer.signum(serializing.compare(a, b)));
        }
        List<KeyValue> sortedBySerializing = new ArrayList<>(keys);
        sortedBySerializing.sort(serializing::compare);
        List<KeyValue> sortedDirectly = new ArrayList<>(keys);
        sortedDirectly.sort(direct::compare);
        assertThat(sortedDirectly).containsExactlyElementsOf(sortedBySerializing);
    }

    @Test
    void readsAndExtendsAFileWrittenByThePlainH2BackendAndTheOtherWayRound() {
        Path file = directory.resolve("store.mv");
        withServer(file, H2Backend::new, events -> {
            events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            events.insertMany(IntStream.range(0, DOCUMENTS / 2).mapToObj(IndexKeyH2BackendTest::event).toList());
            return null;
        });
        withServer(file, IndexKeyH2Backend::new, events -> {
            assertEveryEventFound(events, DOCUMENTS / 2);
            events.insertMany(IntStream.range(DOCUMENTS / 2, DOCUMENTS).mapToObj(IndexKeyH2BackendTest::event).toList());
            assertEveryEventFound(events, DOCUMENTS);
            assertDuplicatesRejected(events);
            return null;
        });
        withServer(file, H2Backend::new, events -> {
            assertEveryEventFound(events, DOCUMENTS);
            assertDuplicatesRejected(events);
            return null;
        });
    }

    @Test
    void opensEveryUniqueIndexWithTheDirectKeyTypeAndNoOtherMap() {
        Set<String> plainMaps = withServer(directory.resolve("plain.mv"), H2Backend::new, this::indexAndInsert);
        Set<String> maps = withServer(directory.resolve("direct.mv"), IndexKeyH2Backend::new, this::indexAndInsert);
        assertThat(maps).isEqualTo(plainMaps);

        MVStore store = MVStore.open(directory.resolve("direct.mv").toString());
        try {
            MongoBackend backend = new IndexKeyH2Backend(store);
            // opening the backend opens the indexes of its databases; their maps are the ones with the direct type
            String streamKeyIndex = IndexKeyH2Backend.indexMapName("playmark.events", "streamKey_1");
            String idIndex = IndexKeyH2Backend.indexMapName("playmark.events", "_id_");
            assertThat(maps).contains(streamKeyIndex, idIndex);
            assertThat(store.<KeyValue, Object>openMap(streamKeyIndex).getKeyType()).isInstanceOf(IndexKeyDataType.class);
            assertThat(store.<KeyValue, Object>openMap(idIndex).getKeyType()).isInstanceOf(IndexKeyDataType.class);
            backend.close();
        } finally {
            if (!store.isClosed()) {
                store.close();
            }
        }
    }

    private Void indexAndInsert(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
        events.insertMany(IntStream.range(0, 10).mapToObj(IndexKeyH2BackendTest::event).toList());
        return null;
    }

    private static void assertEveryEventFound(MongoCollection<Document> events, int count) {
        List<String> streamKeys = IntStream.range(0, count).mapToObj(IndexKeyH2BackendTest::streamKey).toList();
        List<Long> ids = LongStream.range(0, count).boxed().toList();
        assertThat(events.countDocuments(Filters.in("streamKey", streamKeys))).isEqualTo(count);
        assertThat(events.countDocuments(Filters.in("_id", ids))).isEqualTo(count);
        for (int i = 0; i < count; i += 37) {
            assertThat(events.find(Filters.eq("streamKey", streamKey(i))).first()).as("event %d", i)
                                                                                  .isEqualTo(event(i));
        }
    }

    private static void assertDuplicatesRejected(MongoCollection<Document> events) {
        Document sameStreamKey = event(7).append("_id", (long) DOCUMENTS + 1);
        assertThatThrownBy(() -> events.insertOne(sameStreamKey))
                .isInstanceOfSatisfying(MongoWriteException.class,
                                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> events.insertOne(event(7).append("streamKey", "unused")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** Runs {@code body} on the events collection of a server over {@code file}; returns the file's map names after. */
    private static Set<String> withServer(Path file, Function<MVStore, MongoBackend> backendOf,
                                          Function<MongoCollection<Document>, ?> body) {
        MVStore store = MVStore.open(file.toString());
        MongoServer server = new MongoServer(backendOf.apply(store));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                body.apply(client.getDatabase("playmark").getCollection("events"));
            }
            return new TreeSet<>(store.getMapNames());
        } finally {
            server.shutdown();
        }
    }

    private static Document event(int i) {
        return new Document("_id", (long) i).append("streamKey", streamKey(i));
    }

    private static String streamKey(int i) {
        return "aggregate-" + (i % 97) + ":" + i;
    }

    private static KeyValue randomKey(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new KeyValue(randomString(random, "abcXYZ019:-", 40));
            case 3 -> new KeyValue(randomString(random, "aé\u0000\u20ac\ud83d\ude00z", 6));
            case 4, 5 -> new KeyValue(random.nextBoolean() ? random.nextDouble() * 1e6 - 5e5
                                                          : (double) random.nextInt(2000) - 1000);
            case 6 -> new KeyValue(random.nextLong());
            case 7 -> new KeyValue(random.nextInt(100));
            case 8 -> new KeyValue(List.of(randomString(random, "ab", 3), random.nextInt(3)));
            default -> new KeyValue(List.of(random.nextBoolean() ? Double.NaN : -0.0d));
        };
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
