package io.playmark.infra.play;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.query.play.PlayIndex;
import org.jobrunr.jobs.context.JobContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job drops the monthly play indices past the retention (400 days) and keeps the rest. */
class PlayIndexRetentionIT extends PlaymarkIntegrationTest {

    @Autowired
    private PlayIndexRetention retention;
    @Autowired
    private ElasticsearchClient elasticsearch;

    private void indexIn(YearMonth month) throws Exception {
        String index = "plays-" + month.toString().replace('-', '.');
        elasticsearch.index(i -> i.index(index).id("retention-" + month)
                .document(Map.of("playId", "retention-" + month, "startedAt", month.atDay(1).toString())));
    }

    @Test
    void indices_whose_month_ended_before_the_retention_are_dropped_and_named() throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        // 400 days ago lies in the month 13 or 14 months back: 15 months back ended before, 12 months back did not
        YearMonth past = now.minusMonths(15);
        YearMonth kept = now.minusMonths(12);
        indexIn(past);
        indexIn(kept);

        assertThat(retention.run(JobContext.Null).indices()).contains("plays-" + past.toString().replace('-', '.'))
                .doesNotContain("plays-" + kept.toString().replace('-', '.'));

        assertThat(elasticsearch.indices().exists(e -> e.index("plays-" + past.toString().replace('-', '.'))).value())
                .isFalse();
        assertThat(elasticsearch.indices().exists(e -> e.index("plays-" + kept.toString().replace('-', '.'))).value())
                .isTrue();
        assertThat(elasticsearch.indices().getAlias(a -> a.name(PlayIndex.ALIAS)).aliases())
                .as("a month's index is behind the alias from its template").containsKey(
                        "plays-" + kept.toString().replace('-', '.'));
        assertThat(retention.run(JobContext.Null).indices()).as("dropped once").doesNotContain(
                "plays-" + past.toString().replace('-', '.'));
    }
}
