package io.playmark.infra.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

/** DOWN when an event processor has stopped or is failing: its projection is no longer kept up to date. */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessors processors;

    EventProcessorsHealthIndicator(EventProcessors processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        List<EventProcessorStatus> statuses = processors.statuses();
        List<String> unhealthy = statuses.stream().filter(status -> !status.running() || status.error())
                .map(EventProcessorStatus::name).toList();
        Health.Builder health = unhealthy.isEmpty() ? Health.up() : Health.down().withDetail("unhealthy", unhealthy);
        statuses.forEach(status -> health.withDetail(status.name(), status.lag() == null ? "running" : "lag " + status.lag()));
        return health.build();
    }
}
