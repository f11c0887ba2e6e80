package io.playmark.infra.jobs;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every piece of recurring maintenance is a JobRunr recurring job whose last run says what it did in numbers, over
 * the maintenance API: merging closed play indices, and removing old jobs from JobRunr's history among them.
 */
class MaintenanceIT extends PlaymarkIntegrationTest {

    @Autowired
    private Maintenance maintenance;
    @Autowired
    private ElasticsearchClient elasticsearch;
    @Autowired
    private StorageProvider jobStore;
    @Autowired
    private JobScheduler jobs;
    @Autowired
    private MongoClient client;
    @Value("${playmark.mongodb.database}")
    private String database;

    private JsonNode listed(String jobId) {
        JsonNode all = asAdmin().get("/api/v1/admin/maintenance").body();
        return all.valueStream().filter(job -> job.get("jobId").asString().equals(jobId)).findFirst()
                .orElseThrow(() -> new AssertionError(jobId + " not in " + all));
    }

    /** Runs the task as its recurring job does, through JobRunr, and answers the last run it recorded. */
    private Maintenance.LastRun ranByJobRunr(String jobId) {
        UUID job = jobs.<Maintenance>enqueue(m -> m.run(jobId, JobContext.Null)).asUUID();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStore.getJobById(job).getState() == StateName.SUCCEEDED);
        return maintenance.lastRuns().get(jobId);
    }

    @Test
    void every_maintenance_job_is_a_recurring_job_listed_with_its_schedule() {
        JsonNode all = asAdmin().get("/api/v1/admin/maintenance").body();
        assertThat(all.valueStream().map(job -> job.get("jobId").asString())).contains("blob-cleanup",
                "asset-expiry", "tus-cleanup", "play-index-retention", "play-index-merge", "job-history-cleanup", "aggregate-snapshots",
                "report-file-retention", "event-checkpoints");
        assertThat(jobStore.getRecurringJobs().stream().map(job -> job.getId())).contains("blob-cleanup",
                "asset-expiry", "tus-cleanup", "play-index-retention", "play-index-merge", "job-history-cleanup");
        // each recurring job runs its own task: the task's id is the job's argument
        jobStore.getRecurringJobs().stream().filter(job -> maintenance.schedules().stream()
                .anyMatch(schedule -> schedule.jobId().equals(job.getId()))).forEach(job ->
                assertThat(job.getJobDetails().getJobParameters().getFirst().getObject()).as(job.getId())
                        .isEqualTo(job.getId()));
        JsonNode merge = listed("play-index-merge");
        assertThat(merge.get("cron").asString()).isEqualTo("45 3 * * *");
        assertThat(Instant.parse(merge.get("nextRun").asString())).isAfter(Instant.now());
    }

    @Test
    void a_closed_month_of_plays_is_merged_into_one_segment_once() throws Exception {
        String index = "plays-" + YearMonth.now(ZoneOffset.UTC).minusMonths(2).toString().replace('-', '.');
        for (int i = 0; i < 3; i++) {
            // one refresh per document: a segment each
            elasticsearch.index(d -> d.index(index).id(UUID.randomUUID().toString())
                    .document(Map.of("playId", UUID.randomUUID().toString())).refresh(co.elastic.clients
                            .elasticsearch._types.Refresh.True));
        }

        Maintenance.LastRun first = ranByJobRunr("play-index-merge");
        assertThat(first.figures().get("merged")).isGreaterThanOrEqualTo(1);
        assertThat(first.figures().get("segmentsBefore")).isGreaterThan(first.figures().get("segmentsAfter"));
        assertThat(elasticsearch.indices().stats(s -> s.index(index).metric("segments")).indices().get(index)
                .primaries().segments().count()).isEqualTo(1);

        Maintenance.LastRun again = ranByJobRunr("play-index-merge");
        assertThat(again.figures().get("merged")).isZero();
        JsonNode listed = listed("play-index-merge").get("lastRun");
        assertThat(listed.get("summary").asString()).startsWith("Merged 0 of ");
        assertThat(listed.get("figures").get("merged").asLong()).isZero();
        assertThat(Instant.parse(listed.get("finishedAt").asString())).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void an_aggregate_that_grew_past_the_threshold_since_its_snapshot_is_snapshotted_once() {
        String campaign = dataOf(asAdmin().graphQl("mutation { createCampaign(input: {name: \"Grown\", "
                + "advertiser: \"Acme\"}) { id } }"), "createCampaign").get("id").asString();
        for (int i = 1; i <= 120; i++) {
            dataOf(asAdmin().graphQl("mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
                    + "{ id } }", "id", campaign, "name", "Grown " + i), "renameCampaign");
        }
        // as if it had grown by events no command loaded since (Axon snapshots on load): no snapshot at all
        client.getDatabase(database).getCollection("snapshots").deleteOne(Filters.eq("_id", campaign));

        Maintenance.LastRun run = ranByJobRunr("aggregate-snapshots");
        assertThat(run.figures().get("snapshotted")).isGreaterThanOrEqualTo(1);
        org.bson.Document snapshot = client.getDatabase(database).getCollection("snapshots").find(Filters.eq("_id", campaign)).first();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.get("sequenceNumber", Number.class).longValue()).isEqualTo(120);

        Maintenance.LastRun again = ranByJobRunr("aggregate-snapshots");
        assertThat(again.figures().get("eventsWalked")).as("only what was appended since").isLessThan(
                run.figures().get("eventsWalked"));
        assertThat(again.figures().get("snapshotted")).isZero();
        assertThat(dataOf(asAdmin().graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", campaign),
                "campaign").get("name").asString()).isEqualTo("Grown 120");
        dataOf(asAdmin().graphQl("mutation($id: ID!) { renameCampaign(id: $id, name: \"From the snapshot\") { id } }",
                "id", campaign), "renameCampaign");
    }

    @Test
    void finished_jobs_leave_the_history_after_their_keep_time_and_the_count_is_reported() {
        UUID done = jobs.<Maintenance>enqueue(m -> m.run("tus-cleanup", JobContext.Null)).asUUID();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStore.getJobById(done).getState() == StateName.SUCCEEDED);
        assertThat(listed("tus-cleanup").get("lastRun").get("summary").asString()).startsWith("Removed ");

        JobHistoryCleanup.Keep keep = new JobHistoryCleanup.Keep(Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(3));
        JobHistoryCleanup today = new JobHistoryCleanup(jobStore, keep, Clock.systemUTC());
        today.run(JobContext.Null);
        assertThat(jobStore.getJobById(done).getState()).as("kept for a week").isEqualTo(StateName.SUCCEEDED);

        JobHistoryCleanup nextWeek = new JobHistoryCleanup(jobStore, keep,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));
        JobHistoryCleanup.Result result = nextWeek.run(JobContext.Null);
        assertThat(result.succeeded()).isGreaterThanOrEqualTo(1);
        assertThat(result.summary()).contains(result.succeeded() + " succeeded");
        assertThatThrownBy(() -> jobStore.getJobById(done)).isInstanceOf(JobNotFoundException.class);
    }
}
