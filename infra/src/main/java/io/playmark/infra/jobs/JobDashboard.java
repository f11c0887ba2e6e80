package io.playmark.infra.jobs;

import io.playmark.infra.security.AdminKeyBootstrap;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * JobRunr's dashboard, which runs its own small web server on a port of its own. It is protected
 * with HTTP basic authentication: user {@code admin}, password the admin API key. When this process
 * does not know the admin key (none configured and the key file removed) it stays off rather than open.
 */
@Component
@ConditionalOnProperty(name = "playmark.jobs.dashboard.enabled", havingValue = "true")
class JobDashboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobDashboard.class);

    private final StorageProvider storageProvider;
    private final JsonMapper jsonMapper;
    private final AdminKeyBootstrap adminKeys;
    private final int port;
    private JobRunrDashboardWebServer server;

    JobDashboard(StorageProvider storageProvider, JsonMapper jsonMapper, AdminKeyBootstrap adminKeys,
                 @Value("${playmark.jobs.dashboard.port}") int port) {
        this.storageProvider = storageProvider;
        this.jsonMapper = jsonMapper;
        this.adminKeys = adminKeys;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        String adminKey = adminKeys.adminKey().orElse(null);
        if (adminKey == null) {
            log.warn("Job dashboard not started: this process does not know the admin API key. "
                    + "Set PLAYMARK_ADMIN_API_KEY to enable it.");
            return;
        }
        server = new JobRunrDashboardWebServer(storageProvider, jsonMapper,
                JobRunrDashboardWebServerConfiguration.usingStandardDashboardConfiguration()
                        .andPort(port)
                        .andBasicAuthentication("admin", adminKey)
                        .andAllowAnonymousDataUsage(false));
        server.start();
        log.info("Job dashboard on http://localhost:{}/dashboard (user 'admin', password: the admin API key)", port);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
