package io.playmark.infra.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection parks the events it cannot handle in Axon's sequenced dead-letter queue in MongoDB (collection
 * {@code deadletters}, shared by all instances), one queue per processing group: later events of the same aggregate
 * are parked behind the failed one, other aggregates go on. The batched projections ({@link ProjectionProcessing#IN_BATCHES})
 * are left out: their writes happen once a batch, after the handlers ran, so a failure there is a failed batch that is
 * handled again, not one event to park.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueueConfiguration {

    /** The diagnostics entry counting how often a parked event was handled again and failed again. */
    static final String RETRIES = "retries";

    @Bean
    ConfigurerModule deadLetterQueues(MongoTemplate axonMongoTemplate,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueueProvider(group -> ProjectionProcessing.IN_BATCHES.containsKey(group)
                        ? null
                        : configuration -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(eventSerializer)
                                .transactionManager(configuration.getComponent(TransactionManager.class,
                                        NoTransactionManager::instance))
                                .build())
                .registerDefaultDeadLetterPolicy(configuration -> DeadLetterQueueConfiguration::decide));
    }

    /**
     * Always parks. A letter that failed before carries its retry count in its diagnostics, so a failure of it is a
     * failed retry; a new one (or one that only waited behind another) has none yet.
     */
    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long retries = letter.diagnostics().containsKey(RETRIES) ? retriesOf(letter) + 1 : 0;
        return Decisions.enqueue(cause, parked -> parked.diagnostics().and(RETRIES, retries));
    }

    static long retriesOf(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number number ? number.longValue() : 0;
    }
}
