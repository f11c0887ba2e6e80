package io.playmark.infra.instance;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;


/** Says in the health answer which instance answered and which roles it has. */
@Component("instance")
class InstanceHealthIndicator implements HealthIndicator {

    private final PlaymarkInstance instance;

    InstanceHealthIndicator(PlaymarkInstance instance) {
        this.instance = instance;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("id", instance.id())
                .withDetail("roles", instance.roleNames())
                .build();
    }
}
