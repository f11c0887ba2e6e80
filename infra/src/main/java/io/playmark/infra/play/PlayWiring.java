package io.playmark.infra.play;

import io.playmark.command.play.PlayWindow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Which plays are accepted by their start time: {@code playmark.plays.retention} and {@code .clock-skew}. */
@Configuration(proxyBeanMethods = false)
class PlayWiring {

    @Bean
    PlayWindow playWindow(@Value("${playmark.plays.retention}") Duration retention,
                          @Value("${playmark.plays.clock-skew}") Duration clockSkew) {
        return new PlayWindow(retention, clockSkew);
    }
}
