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
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> handled = List.of(threads.submit(() -> projection.on(second)),
                    threads.submit(() -> projection.on(second)), threads.submit(() -> projection.on(second)),
                    threads.submit(() -> projection.on(first)));
            for (Future<?> each : handled) {
                each.get();
            }
        }

        PlayRollups.Rollup rollup = rollups.find(List.of(PlayRollups.key(player, null, asset, hour))).getFirst();
        assertThat(rollup.plays()).isEqualTo(2);
        assertThat(rollup.completed()).isEqualTo(1);
        assertThat(rollup.skipped()).isEqualTo(1);
        assertThat(rollup.playedMs()).isEqualTo(20_000);
        assertThat(rollup.impressions()).isEqualTo(6);
        assertThat(rollup.counted()).containsExactlyInAnyOrder(first.playId(), second.playId());
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
        List<PlayRecordedEvent> plays = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> play(player, asset, hour.plusSeconds(i), Outcome.COMPLETED)).toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> handled = plays.stream().map(play -> threads.submit(() -> projection.on(play)))
                    .<Future<?>>map(future -> future).toList();
            for (Future<?> each : handled) {
                each.get();
            }
        }

        assertThat(rollups.find(List.of(PlayRollups.key(player, null, asset, hour))).getFirst().plays()).isEqualTo(8);
    }
}
