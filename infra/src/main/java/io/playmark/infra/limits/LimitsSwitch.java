package io.playmark.infra.limits;

import org.springframework.stereotype.Component;

/**
 * Whether the HTTP limits apply now. Every limit filter asks first and, when off, passes the request on untouched, so
 * that the benchmark's "off" turns measure Playmark without the limits' work. Started from {@link LimitsProperties}.
 */
@Component
public class LimitsSwitch {

    private volatile boolean on;

    LimitsSwitch(LimitsProperties properties) {
        this.on = properties.enabled();
    }

    public boolean isOn() {
        return on;
    }

    /** Turns the limits on or off at run time; for the benchmark, which compares the two in one run. */
    public void turn(boolean on) {
        this.on = on;
    }
}
