package org.jobrunr.dashboard;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's dashboard with an authenticator of the caller's choice on every secured context (JobRunr itself offers
 * one fixed user name and password). It lives in JobRunr's package to override the package-private
 * {@code registerSecuredContext}: <b>written against JobRunr 8.7</b>, check the override on upgrades.
 */
public final class AuthenticatedDashboardWebServer extends JobRunrDashboardWebServer {

    private final Authenticator authenticator;

    public AuthenticatedDashboardWebServer(StorageProvider storageProvider, JsonMapper jsonMapper,
                                           JobRunrDashboardWebServerConfiguration configuration,
                                           Authenticator authenticator) {
        super(storageProvider, jsonMapper, configuration);
        this.authenticator = authenticator;
    }

    @Override
    HttpContext registerSecuredContext(HttpExchangeHandler handler) {
        HttpContext context = registerContext(handler);
        context.setAuthenticator(authenticator);
        return context;
    }
}
