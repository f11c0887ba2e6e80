package io.playmark.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Payloads, a serializer and an upcaster shared by the event store tests. */
final class TestEvents {

    static final String AGGREGATE_TYPE = "TestAggregate";

    record ItemAdded(String item, int number) {
    }

    /** The first revision of an event: only a price. */
    record PriceSetV1(String price) {
    }

    /** What {@link PriceSetV1} is upcast to: the price and its currency. */
    record PriceSetV2(String price, String currency) {
    }

    private TestEvents() {
    }

    static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    static DomainEventMessage<ItemAdded> itemAdded(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence,
                                               new ItemAdded(aggregateId + "#" + sequence, (int) sequence),
                                               MetaData.emptyInstance());
    }

    static DomainEventMessage<ItemAdded> itemAdded(String aggregateId, long sequence, MetaData metaData) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence,
                                               new ItemAdded(aggregateId + "#" + sequence, (int) sequence), metaData);
    }

    /** PriceSetV1 (no revision) becomes PriceSetV2 with currency EUR. */
    static EventUpcaster priceUpcaster() {
        return new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(PriceSetV1.class.getName());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(new SimpleSerializedType(PriceSetV2.class.getName(), null),
                                                    JsonNode.class,
                                                    node -> ((ObjectNode) node).put("currency", "EUR"));
            }
        };
    }
}
