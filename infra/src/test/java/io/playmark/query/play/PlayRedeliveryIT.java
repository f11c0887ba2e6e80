package io.playmark.query.play;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.kernel.play.Audience;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayRecordedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A play's event delivered again (a crash before the processor stored its token, another instance taking over a
 * segment) counts nothing twice: on the real stores, through the projection's handler itself.
 */
class PlayRedeliveryIT extends PlaymarkIntegrationTest {

    @Autowired
    private PlayAnalyticsProjection projection;
    @Autowired
    private PlayRollups rollups;
    @Autowired
    private ElasticsearchClient elasticsearch;

    private static PlayRecordedEvent play(String player, String asset, Instant startedAt, Outcome outcome) {
        return new PlayRecordedEvent(UUID.randomUUID().toString(), player, asset, null, startedAt, 10_000, 10_000,
                outcome, null, new Audience(3, 1_000), startedAt.plusSeconds(60));
    }

    @Test
    void an_event_handled_again_or_at_the_same_moment_is_counted_once() throws Exception {
        String player = UUID.randomUUID().toString();
        String asset = UUID.randomUUID().toString();
        Instant hour = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        PlayRecordedEvent first = play(player, asset, hour.plusSeconds(10), Outcome.COMPLETED);
        PlayRecordedEvent second = play(player, asset, hour.plusSeconds(20), Outcome.SKIPPED);

        projection.on(first);
        projection.on(first);
        atTheSameMoment(List.of(() -> projection.on(second), () -> projection.on(second),
                () -> projection.on(second), () -> projection.on(first)));

        PlayRollups.Rollup rollup = rollups.find(List.of(PlayRollups.key(player, null, asset, hour))).getFirst();
        assertThat(rollup.plays()).isEqualTo(2);
        assertThat(rollup.completed()).isEqualTo(1);
        assertThat(rollup.skipped()).isEqualTo(1);
        assertThat(rollup.playedMs()).isEqualTo(20_000);
        assertThat(rollup.impressions()).isEqualTo(6);
        assertThat(rollup.countedPlays().keySet()).containsExactlyInAnyOrder(first.playId(), second.playId());
        elasticsearch.indices().refresh(r -> r.index(PlayIndex.ALIAS));
        assertThat(elasticsearch.count(c -> c.index(PlayIndex.ALIAS)
                .query(q -> q.term(t -> t.field("playerId").value(player)))).count()).isEqualTo(2);
    }

    /** On MongoDB two first upserts of one rollup can collide; the one that lost is applied again, not dropped. */
    @Test
    void plays_of_one_new_rollup_handled_at_the_same_moment_are_all_counted() throws Exception {
        String player = UUID.randomUUID().toString();
        String asset = UUID.randomUUID().toString();
        Instant hour = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        List<PlayRecordedEvent> plays = plays(player, asset, hour, 8, 1);

        atTheSameMoment(plays.stream().<Runnable>map(play -> () -> projection.on(play)).toList());

        assertThat(rollups.find(List.of(PlayRollups.key(player, null, asset, hour))).getFirst().plays()).isEqualTo(8);
    }

    /**
     * A batch handled again from its stored token may overlap the first delivery only in part (its boundaries are
     * not fixed), also while another instance handles it: each rollup still counts each play once.
     */
    @Test
    void a_batch_delivered_again_in_part_and_at_the_same_moment_counts_each_play_once() throws Exception {
        String player = UUID.randomUUID().toString();
        String asset = UUID.randomUUID().toString();
        Instant hour = Instant.now().minus(7, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        List<PlayRecordedEvent> plays = plays(player, asset, hour, 12, 3);

        rollups.countAll(plays.subList(0, 7));
        atTheSameMoment(List.of(() -> rollups.countAll(plays.subList(4, 12)),
                () -> rollups.countAll(plays.subList(4, 12)), () -> rollups.countAll(plays.subList(0, 9))));
        rollups.countAll(plays);

        for (int h = 0; h < 3; h++) {
            PlayRollups.Rollup rollup = rollups.find(List.of(PlayRollups.key(player, null, asset,
                    hour.plusSeconds(3_600L * h)))).getFirst();
            int inHour = h;
            List<String> ids = java.util.stream.IntStream.range(0, 12).filter(i -> i % 3 == inHour)
                    .mapToObj(i -> plays.get(i).playId()).toList();
            assertThat(rollup.countedPlays().keySet()).as("hour %d", h).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(rollup.plays()).as("hour %d", h).isEqualTo(4);
            assertThat(rollup.playedMs()).isEqualTo(40_000);
            assertThat(rollup.impressions()).isEqualTo(12);
            assertThat(rollup.failed()).isEqualTo(1);
            assertThat(rollup.completed()).isEqualTo(3);
        }
    }

    /** {@code count} plays from {@code hour} on, play i in hour i % hours; every fourth failed, the others completed. */
    private static List<PlayRecordedEvent> plays(String player, String asset, Instant hour, int count, int hours) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> play(player, asset,
                hour.plusSeconds(3_600L * (i % hours) + i), i % 4 == 0 ? Outcome.FAILED : Outcome.COMPLETED)).toList();
    }

    /** Runs each on its own thread, all at once, and waits for them. */
    private static void atTheSameMoment(List<Runnable> work) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(work.size())) {
            List<Future<?>> running = work.stream().<Future<?>>map(threads::submit).toList();
            for (Future<?> each : running) {
                each.get();
            }
        }
    }
}
