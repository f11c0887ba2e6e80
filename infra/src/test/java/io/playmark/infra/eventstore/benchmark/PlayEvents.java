package io.playmark.infra.eventstore.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's events: a screen reporting that it played an asset of a campaign. Each event carries a
 * {@code playNumber} unique in the run, so that a reader can prove it saw every appended event exactly once.
 */
final class PlayEvents {

    /** Payload ~250 bytes and metadata ~110 bytes as JSON: the size of Playmark's own small events. */
    record PlayRecordedEvent(long playNumber, String screenId, String assetId, String campaignId, Instant startedAt,
                             Instant endedAt, long durationMillis) {
    }

    static final String AGGREGATE_TYPE = "PlayLog";

    private static final int CAMPAIGNS = 200;
    private static final int SCREENS = 5_000;

    private final AtomicLong nextPlayNumber = new AtomicLong();
    private final List<String> campaignIds = new ArrayList<>();
    private final List<String> assetIds = new ArrayList<>();

    PlayEvents() {
        Random random = new Random(42);
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaignIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
            assetIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
    }

    /** Axon's JacksonSerializer configured as Playmark configures it (Jackson 2, ISO dates, unknown fields ignored). */
    static Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** {@code count} consecutive events of one aggregate, starting at {@code firstSequence}. */
    List<DomainEventMessage<?>> stream(String aggregateId, long firstSequence, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(aggregateId, firstSequence + i));
        }
        return events;
    }

    /** The first and only event of a new aggregate: what one command typically appends. */
    List<DomainEventMessage<?>> singleEventOfNewAggregate() {
        return stream(UUID.randomUUID().toString(), 0, 1);
    }

    DomainEventMessage<PlayRecordedEvent> event(String aggregateId, long sequenceNumber) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int campaign = random.nextInt(CAMPAIGNS);
        String screenId = "screen-%05d".formatted(random.nextInt(SCREENS));
        long durationMillis = 5_000 + random.nextInt(25_000);
        Instant ended = Instant.now();
        PlayRecordedEvent payload = new PlayRecordedEvent(nextPlayNumber.getAndIncrement(), screenId,
                                                          assetIds.get(campaign), campaignIds.get(campaign),
                                                          ended.minusMillis(durationMillis), ended, durationMillis);
        MetaData metaData = MetaData.from(Map.of("correlationId", UUID.randomUUID().toString(),
                                                 "causationId", UUID.randomUUID().toString(),
                                                 "principal", screenId));
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequenceNumber, payload, metaData);
    }

    /** How many play numbers were handed out: every event of the run has one below this. */
    long issued() {
        return nextPlayNumber.get();
    }

    static long playNumber(DomainEventMessage<?> event) {
        return ((PlayRecordedEvent) event.getPayload()).playNumber();
    }
}
