package io.playmark.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Playmark stores every time in UTC; screens convert to their own zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
