package io.playmark.infra.play;

import io.playmark.query.play.PlayIndex;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.context.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Drops the monthly play indices past the retention ({@code playmark.plays.retention}), a JobRunr recurring job, and
 * says what it dropped. The plays' events stay in the event store: a replay would index them again.
 */
public class PlayIndexRetention {

    private static final Logger log = LoggerFactory.getLogger(PlayIndexRetention.class);

    private final PlayIndex index;
    private final Duration retention;
    private final Clock clock;

    PlayIndexRetention(PlayIndex index, Duration retention, Clock clock) {
        this.index = index;
        this.retention = retention;
        this.clock = clock;
    }

    @Job(name = "Drop play indices past the retention", retries = 3)
    public List<String> run(JobContext job) {
        List<String> dropped = index.dropBefore(clock.instant().minus(retention));
        if (dropped.isEmpty()) {
            log.info("No play index is past the retention of {} days", retention.toDays());
        } else {
            log.info("Dropped play indices past the retention of {} days: {}", retention.toDays(), dropped);
        }
        return dropped;
    }
}
