package io.playmark.infra.limits;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import java.util.List;

/** A limit's filter: it passes a request straight on while the limits are switched off, or on an exempt path. */
abstract class LimitFilter extends OncePerRequestFilter {

    /** What is never limited when the configuration names nothing: health, so that probes always get through. */
    static final List<String> HEALTH_PATHS = List.of("/actuator/health", "/actuator/health/**");

    private final LimitsSwitch limits;
    private final PathPatterns exempt;

    LimitFilter(LimitsSwitch limits, List<String> exemptPaths) {
        this.limits = limits;
        this.exempt = PathPatterns.of(exemptPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.isOn() || exempt.matches(request);
    }
}
