package io.playmark.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotSerializationTest {

    private final Serializer snapshots = AxonConfiguration.snapshotSerializer(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    /** Shaped like an aggregate: private state, no getters, a no-argument constructor for the framework. */
    static final class Shaped {
        private String id;
        private Instant since;
        private List<String> tags;
        private boolean closed;

        Shaped() {
        }

        Shaped(String id, Instant since, List<String> tags, boolean closed) {
            this.id = id;
            this.since = since;
            this.tags = tags;
            this.closed = closed;
        }

        /** Not a property: a getter-like method that must not become one. */
        public boolean isOpen() {
            return !closed;
        }
    }

    @Test
    void an_aggregates_private_state_survives_its_snapshot_and_nothing_else_is_added() {
        Shaped before = new Shaped("a-1", Instant.parse("2026-12-03T08:00:00Z"), List.of("lobby", "north"), true);

        SerializedObject<String> serialized = snapshots.serialize(before, String.class);
        Shaped after = snapshots.deserialize(serialized);

        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(serialized.getData()).doesNotContain("open");
        assertThat(serialized.getType().getRevision()).isEqualTo(AxonConfiguration.SNAPSHOT_FORMAT);
    }

    @Test
    void snapshots_of_the_earlier_format_are_passed_over_and_current_ones_used() {
        SerializedObject<String> current = snapshots.serialize(new Shaped("a-1", null, List.of(), false), String.class);

        assertThat(AxonConfiguration.currentSnapshotsOnly().allow(snapshot(current.getType().getRevision()))).isTrue();
        assertThat(AxonConfiguration.currentSnapshotsOnly().allow(snapshot(null))).isFalse();
    }

    private static GenericDomainEventEntry<String> snapshot(String revision) {
        return new GenericDomainEventEntry<>("Shaped", "a-1", 100, "e-1", Instant.now(), Shaped.class.getName(),
                revision, "{}", "{}");
    }
}
