package io.playmark.infra.play;

import io.playmark.command.play.PlayWindow;
import io.playmark.command.play.RecordedPlayIds;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import io.playmark.kernel.play.PlayId;
import io.playmark.query.play.PlayIndex;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * What recording plays needs of the platform: which plays are accepted by their start time
 * ({@code playmark.plays.retention} and {@code .clock-skew}), and which the event store holds already; and the
 * recurring job that drops play indices past the retention, registered under one id by every instance.
 */
@Configuration(proxyBeanMethods = false)
class PlayWiring {

    @Bean
    PlayWindow playWindow(@Value("${playmark.plays.retention}") Duration retention,
                          @Value("${playmark.plays.clock-skew}") Duration clockSkew) {
        return new PlayWindow(retention, clockSkew);
    }

    static final String RETENTION_JOB_ID = "play-index-retention";

    @Bean
    PlayIndexRetention playIndexRetention(PlayIndex index, @Value("${playmark.plays.retention}") Duration retention,
                                          Clock clock) {
        return new PlayIndexRetention(index, retention, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleRetention(ApplicationReadyEvent ready) {
        String cron = ready.getApplicationContext().getEnvironment().getProperty("playmark.plays.retention-cron");
        ready.getApplicationContext().getBean(JobScheduler.class).createRecurrently(aRecurringJob()
                .withId(RETENTION_JOB_ID).withName("Drop play indices past the retention").withCron(cron)
                .withZoneId(ZoneOffset.UTC).<PlayIndexRetention>withDetails(job -> job.run(JobContext.Null)));
    }

    /** One look-up on the store's unique stream key; per play on another engine (tests may use Axon's own). */
    @Bean
    RecordedPlayIds recordedPlayIds(EventStorageEngine engine) {
        if (engine instanceof GapAwareMongoEventStorageEngine gapAware) {
            return plays -> gapAware.existingAggregates(plays.stream().map(PlayId::value).toList()).stream()
                    .map(PlayId::new).collect(Collectors.toSet());
        }
        return plays -> plays.stream().filter(play -> engine.lastSequenceNumberFor(play.value()).isPresent())
                .collect(Collectors.toSet());
    }
}
