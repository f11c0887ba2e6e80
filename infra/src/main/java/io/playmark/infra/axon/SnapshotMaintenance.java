package io.playmark.infra.axon;

import com.mongodb.client.MongoClient;
import io.playmark.infra.jobs.MaintenanceSchedule;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The snapshotting of grown aggregates as recurring maintenance ({@code playmark.event-store.snapshot-cron}). */
@Configuration(proxyBeanMethods = false)
class SnapshotMaintenance {

    @Bean
    AggregateSnapshots aggregateSnapshots(EventStore eventStore, Snapshotter snapshotter, ApplicationContext context,
                                          MongoClient client, @Value("${playmark.mongodb.database}") String database,
                                          EventStoreProperties properties) {
        // the aggregates are prototype beans: their types, without making one
        List<Class<?>> aggregates = Arrays.stream(context.getBeanNamesForAnnotation(Aggregate.class))
                .map(context::getType).filter(Objects::nonNull).<Class<?>>map(type -> type).toList();
        return new AggregateSnapshots(eventStore, snapshotter, aggregates, client.getDatabase(database),
                properties.snapshotThreshold());
    }

    @Bean
    MaintenanceSchedule aggregateSnapshotsMaintenance(AggregateSnapshots task,
            @Value("${playmark.event-store.snapshot-cron}") String cron) {
        return new MaintenanceSchedule(task, "Snapshot the aggregates that grew", cron);
    }
}
