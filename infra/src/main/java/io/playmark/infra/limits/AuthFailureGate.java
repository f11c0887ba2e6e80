package io.playmark.infra.limits;

import io.playmark.infra.web.Problems;
import io.playmark.kernel.ErrorKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Slows down guessing of keys and tokens: counts, per client address, the requests whose credentials were refused
 * (a 401 to a request that carried an API key or an Authorization header), and answers 429 to every request of an
 * address that reached the maximum, before security looks at its key. The address is the connection's (or, behind a
 * configured proxy, the one Tomcat's RemoteIpValve trusted); an X-Forwarded-For header alone is not believed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthFailureGate extends LimitFilter {

    static final String POLICY = "auth-failures";

    private final AuthFailures failures;
    private final AuthFailureProperties properties;
    private final Problems problems;
    private final String policyHeader;

    AuthFailureGate(LimitsSwitch limits, AuthFailures failures, AuthFailureProperties properties, Problems problems) {
        super(limits, properties.exemptPaths());
        this.failures = failures;
        this.properties = properties;
        this.problems = problems;
        this.policyHeader = RateLimitHeaders.policy(POLICY,
                new RateLimitProperties.Quota(properties.maxFailures(), properties.window()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long blockedFor = failures.blockedFor(address);
        if (blockedFor > 0) {
            refuse(request, response, blockedFor);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && presentedCredentials(request)) {
            failures.failed(address);
        }
    }

    private static boolean presentedCredentials(HttpServletRequest request) {
        // as the authentication filters see it: a blank header is no credential
        return !isBlank(request.getHeader("X-Api-Key")) || !isBlank(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private static boolean isBlank(String header) {
        return header == null || header.isBlank();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long blockedFor) throws IOException {
        RateLimitHeaders.write(response, POLICY, policyHeader, 0, blockedFor);
        long retryAfter = RateLimitHeaders.retryAfter(response, blockedFor);
        problems.write(request, response, problems.of(ErrorKind.RATE_LIMITED,
                "Too many refused credentials from this address (%d within %d s); retry in %d s".formatted(
                        properties.maxFailures(), properties.window().toSeconds(), retryAfter), request));
    }
}
