package io.playmark.infra.play;

import io.playmark.command.play.PlayWindow;
import io.playmark.command.play.RecordedPlayIds;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import io.playmark.infra.jobs.MaintenanceSchedule;
import io.playmark.kernel.play.PlayId;
import io.playmark.query.play.PlayIndex;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * What recording plays needs of the platform: which plays are accepted by their start time
 * ({@code playmark.plays.retention} and {@code .clock-skew}), and which the event store holds already; and the
 * maintenance of the play indices: dropping those past the retention, merging those of closed months.
 */
@Configuration(proxyBeanMethods = false)
class PlayWiring {

    @Bean
    PlayWindow playWindow(@Value("${playmark.plays.retention}") Duration retention,
                          @Value("${playmark.plays.clock-skew}") Duration clockSkew) {
        return new PlayWindow(retention, clockSkew);
    }

    @Bean
    PlayIndexRetention playIndexRetention(PlayIndex index, @Value("${playmark.plays.retention}") Duration retention,
                                          Clock clock) {
        return new PlayIndexRetention(index, retention, clock);
    }

    @Bean
    MaintenanceSchedule playIndexRetentionMaintenance(PlayIndexRetention task,
                                                      @Value("${playmark.plays.retention-cron}") String cron) {
        return new MaintenanceSchedule(task, "Drop play indices past the retention", cron);
    }

    @Bean
    ClosedPlayIndexMerge closedPlayIndexMerge(PlayIndex index, @Value("${playmark.plays.merge-after}") Duration after,
                                              Clock clock) {
        return new ClosedPlayIndexMerge(index, after, clock);
    }

    @Bean
    MaintenanceSchedule closedPlayIndexMergeMaintenance(ClosedPlayIndexMerge task,
                                                        @Value("${playmark.plays.merge-cron}") String cron) {
        return new MaintenanceSchedule(task, "Merge the play indices of closed months", cron);
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
