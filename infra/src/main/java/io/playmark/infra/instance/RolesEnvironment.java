package io.playmark.infra.instance;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * JobRunr's starter decides at start-up, from its own property, whether this process runs a background
 * job server; an instance without the {@code jobs} role runs none (it can still enqueue jobs).
 */
class RolesEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!InstanceRole.parse(environment.getProperty("playmark.roles", "all")).contains(InstanceRole.JOBS)) {
            environment.getPropertySources().addFirst(new MapPropertySource("playmark-roles",
                    Map.of("jobrunr.background-job-server.enabled", "false")));
        }
    }
}
