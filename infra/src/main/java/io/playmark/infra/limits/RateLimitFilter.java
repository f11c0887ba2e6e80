package io.playmark.infra.limits;

import io.playmark.infra.web.Problems;
import io.playmark.kernel.ErrorKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;

/**
 * Rate-limits each request in the security filter chain, after authentication (so it knows the key) and before
 * authorization (so refused and anonymous requests count too). Every limited answer carries the RateLimit headers; a
 * caller over its quota gets a 429 problem with Retry-After. Not a bean: the security configuration places it.
 */
public class RateLimitFilter extends LimitFilter {

    private final RateLimiter limiter;
    private final Problems problems;

    public RateLimitFilter(LimitsSwitch limits, RateLimiter limiter, RateLimitProperties properties, Problems problems) {
        super(limits, properties.exemptPaths());
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.consume(SecurityContextHolder.getContext().getAuthentication(), request);
        var probe = decision.probe();
        RateLimitHeaders.write(response, decision.policy().name(), decision.policy().header(),
                probe.getRemainingTokens(), probe.getNanosToWaitForReset());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = RateLimitHeaders.retryAfter(response, probe.getNanosToWaitForRefill());
        var quota = decision.policy().quota();
        problems.write(request, response, problems.of(ErrorKind.RATE_LIMITED,
                "Too many requests %s: %d are allowed per %d s; retry in %d s".formatted(
                        decision.policy().name().equals(RateLimiter.PER_KEY) ? "with these credentials"
                                : "from this address", quota.capacity(), quota.window().toSeconds(), retryAfter),
                request));
    }
}
