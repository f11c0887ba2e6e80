package io.playmark.infra.jobs;

import io.playmark.infra.security.ApiKeys;
import io.playmark.infra.security.JwtVerifier;
import org.jobrunr.dashboard.AuthenticatedDashboardWebServer;
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
 * JobRunr's dashboard, which runs its own small web server on a port of its own, open to ADMIN callers only (see
 * {@link DashboardAuthenticator}).
 */
@Component
@ConditionalOnProperty(name = "playmark.jobs.dashboard.enabled", havingValue = "true")
class JobDashboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobDashboard.class);

    private final StorageProvider storageProvider;
    private final JsonMapper jsonMapper;
    private final ApiKeys keys;
    private final JwtVerifier tokens;
    private final int port;
    private JobRunrDashboardWebServer server;

    JobDashboard(StorageProvider storageProvider, JsonMapper jsonMapper, ApiKeys keys, JwtVerifier tokens,
                 @Value("${playmark.jobs.dashboard.port}") int port) {
        this.storageProvider = storageProvider;
        this.jsonMapper = jsonMapper;
        this.keys = keys;
        this.tokens = tokens;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        server = new AuthenticatedDashboardWebServer(storageProvider, jsonMapper,
                JobRunrDashboardWebServerConfiguration.usingStandardDashboardConfiguration()
                        .andPort(port)
                        .andAllowAnonymousDataUsage(false),
                new DashboardAuthenticator(keys, tokens));
        server.start();
        log.info("Job dashboard on http://localhost:{}/dashboard for ADMIN callers: user 'admin', password an ADMIN "
                         + "API key{}", port, tokens.configured() ? " or token (also as a bearer token)" : "");
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
