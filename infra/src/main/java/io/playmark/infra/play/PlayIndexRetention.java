package io.playmark.infra.play;

import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import io.playmark.query.play.PlayIndex;
import org.jobrunr.jobs.context.JobContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drops the monthly play indices past the retention ({@code playmark.plays.retention}), recurring maintenance, and
 * says what it dropped. The plays' events stay in the event store: a replay would index them again.
 */
public class PlayIndexRetention implements MaintenanceTask {

    static final String JOB_ID = "play-index-retention";

    /** The indices one run dropped. */
    public record Dropped(List<String> indices, long retentionDays) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return Map.of("dropped", (long) indices.size());
        }

        @Override
        public String summary() {
            return indices.isEmpty() ? "No play index is past the retention of " + retentionDays + " days"
                    : "Dropped " + indices.size() + " play indices past the retention of " + retentionDays + " days: "
                      + String.join(", ", indices);
        }
    }

    private final PlayIndex index;
    private final Duration retention;
    private final Clock clock;

    PlayIndexRetention(PlayIndex index, Duration retention, Clock clock) {
        this.index = index;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Dropped run(JobContext job) {
        return new Dropped(index.dropBefore(clock.instant().minus(retention)), retention.toDays());
    }
}
