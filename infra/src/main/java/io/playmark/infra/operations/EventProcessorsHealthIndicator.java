package io.playmark.infra.operations;

import io.playmark.infra.instance.InstanceRole;
import io.playmark.infra.instance.PlaymarkInstance;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * DOWN when an event processor has stopped or is failing: its projection is no longer kept up to date. An instance
 * without the query role runs none, and is not down for it.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessors processors;
    private final PlaymarkInstance instance;

    EventProcessorsHealthIndicator(EventProcessors processors, PlaymarkInstance instance) {
        this.processors = processors;
        this.instance = instance;
    }

    @Override
    public Health health() {
        if (!instance.has(InstanceRole.QUERY)) {
            return Health.up().withDetail("projections", "not run on this instance (no query role)").build();
        }
        List<EventProcessorStatus> statuses = processors.statuses();
        List<String> unhealthy = statuses.stream().filter(status -> !status.running() || status.error())
                .map(EventProcessorStatus::name).toList();
        Health.Builder health = unhealthy.isEmpty() ? Health.up() : Health.down().withDetail("unhealthy", unhealthy);
        statuses.forEach(status -> health.withDetail(status.name(), status.lag() == null ? "running" : "lag " + status.lag()));
        return health.build();
    }
}
