package io.playmark.infra.scaling;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.embedded.EmbeddedElasticsearch;
import io.playmark.infra.embedded.EmbeddedMongoServer;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkProcess;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jobrunr.scheduling.JobScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playmark as three instances on shared stores (a MongoDB-compatible server and an Elasticsearch node started by
 * the test, as a real replica set and cluster would be): {@code api} takes changes and runs no projection,
 * {@code worker} runs the projections and takes no changes, both run background jobs, and {@code doomed}, a
 * separate process, takes changes and runs projections until the last test kills it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    private static final String ADMIN_KEY = "pmk_multi-instance-admin-key-01";
    private static final List<String> PROJECTIONS = List.of("campaign-read-model", "campaign-search");
    private static final String CLAIM_TIMEOUT = "3s";
    private static final String CLAIM_INTERVAL = "500ms";
    /** As docs/scaling.md sets it for several instances. */
    private static final String FETCH_DELAY = "20ms";
    private static final Duration SETTLING = Duration.ofSeconds(30);

    @TempDir
    static Path dataDirectory;

    private static EmbeddedMongoServer mongo;
    private static EmbeddedElasticsearch elasticsearch;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static PlaymarkProcess doomed;

    @BeforeAll
    static void startThreeInstancesOnSharedStores() {
        mongo = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, dataDirectory.resolve("mongo"));
        elasticsearch = EmbeddedElasticsearch.start(dataDirectory.resolve("elasticsearch"), 0);
        api = start("api", "command,jobs");
        worker = start("worker", "query,jobs");
        doomed = PlaymarkProcess.start("doomed-instance", Map.of(
                "PLAYMARK_MONGODB_URI", mongo.connectionString(),
                "PLAYMARK_ELASTICSEARCH_URIS", elasticsearch.httpUri().toString(),
                "PLAYMARK_ROLES", "command,query",
                "PLAYMARK_INSTANCE_ID", "doomed",
                "PLAYMARK_ADMIN_API_KEY", ADMIN_KEY,
                "PLAYMARK_DATA_DIR", dataDirectory.resolve("doomed").toString(),
                "PLAYMARK_JOBS_DASHBOARD_ENABLED", "false",
                "PLAYMARK_PROJECTION_CLAIM_TIMEOUT", CLAIM_TIMEOUT,
                "PLAYMARK_PROJECTION_CLAIM_INTERVAL", CLAIM_INTERVAL,
                "PLAYMARK_EVENT_STORE_FETCH_DELAY", FETCH_DELAY), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopEverything() {
        if (doomed != null) {
            doomed.close();
        }
        for (AutoCloseable closeable : new AutoCloseable[]{worker, api, elasticsearch, mongo}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one is still closed
            }
        }
    }

    @Test
    @Order(1)
    void the_query_instances_share_each_projections_segments_and_every_instance_says_who_holds_which() {
        Map<String, Long> expected = Map.of("worker", 2L, "doomed", 2L);
        for (String projection : PROJECTIONS) {
            awaitOwners(projection, owners -> owners.equals(expected));
            JsonNode fromWorker = status(api(worker), projection);
            assertThat(fromWorker.get("instance").asString()).isEqualTo("worker");
            assertThat(fromWorker.get("instanceRoles").valueStream().map(JsonNode::asString)).containsExactly("jobs", "query");
            assertThat(fromWorker.get("segments")).allSatisfy(segment -> assertThat(segment.get("local").asBoolean())
                    .isEqualTo(segment.get("owner").asString().equals("worker")));
        }
        PlaymarkApi.Response whileShared = api(worker).post("/api/v1/admin/processors/campaign-search/replay", Map.of());
        assertThat(whileShared.status()).as(whileShared.text()).isEqualTo(409);
        assertThat(whileShared.body().get("type").asString()).isEqualTo("urn:playmark:problem:conflict");
        PlaymarkApi.Response withoutProjections = api(api).post("/api/v1/admin/processors/campaign-search/replay",
                Map.of());
        assertThat(withoutProjections.status()).as(withoutProjections.text()).isEqualTo(503);
        assertThat(processor(worker, "campaign-search").isRunning()).as("the refused replay left it running").isTrue();
        awaitOwners("campaign-search", owners -> owners.equals(expected));

        JsonNode health = api(api).get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("instance").get("details").get("roles").valueStream().map(JsonNode::asString))
                .as("a command instance runs no projection, and is healthy for it").containsExactly("command", "jobs");
    }

    @Test
    @Order(2)
    void a_command_only_instance_runs_no_projection_and_its_mutations_read_their_own_writes() {
        assertThat(PROJECTIONS).allSatisfy(projection ->
                assertThat(processor(api, projection).processingStatus()).as(projection).isEmpty());

        for (int i = 0; i < 5; i++) {
            String name = "Made on the api instance " + i;
            String id = create(api(api), name, "Shared stores");
            for (ConfigurableApplicationContext instance : List.of(api, worker)) {
                JsonNode read = api(instance).graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", id);
                assertThat(read.get("data").get("campaign").get("name").asString()).isEqualTo(name);
            }
        }
        JsonNode found = api(api).graphQl("{ searchCampaigns(text: \"shared stores\", first: 10) { id } }");
        assertThat(found.get("data").get("searchCampaigns")).hasSize(5);
        assertThat(api.getBean(ProjectionCatchUp.class).timeouts())
                .as("every mutation saw its projections catch up where they run").isZero();
    }

    @Test
    @Order(3)
    void a_query_only_instance_answers_queries_and_refuses_changes_as_unavailable() {
        JsonNode read = api(worker).graphQl("{ campaigns(first: 1) { edges { node { id } } } }");
        JsonNode change = api(worker).graphQl("mutation { createCampaign(input: {name: \"x\", advertiser: \"y\"}) { id } }");

        assertThat(read.get("errors")).isNull();
        assertThat(change.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("UNAVAILABLE");
        assertThat(change.get("errors").get(0).get("message").asString()).contains("command role");
    }

    @Test
    @Order(4)
    void concurrent_commands_for_one_aggregate_from_two_instances_are_each_applied_once() throws Exception {
        String id = create(api(api), "Raced", "Acme");
        int renames = 12;
        List<Callable<JsonNode>> racers = new ArrayList<>();
        for (int i = 0; i < renames; i++) {
            PlaymarkApi instance = i % 2 == 0 ? api(api) : new PlaymarkApi(doomed.port(), ADMIN_KEY);
            String name = "Raced " + i;
            racers.add(() -> instance.graphQl("mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
                    + "{ version } }", "id", id, "name", name));
        }
        List<JsonNode> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(renames)) {
            for (Future<JsonNode> answer : pool.invokeAll(racers)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.get("errors")).as(answer.toString()).isNull());
        JsonNode campaign = api(worker).graphQl("query($id: ID!) { campaign(id: $id) { name version } }", "id", id)
                .get("data").get("campaign");
        assertThat(campaign.get("version").asInt()).as("every rename applied, none twice").isEqualTo(renames);
        assertThat(campaign.get("name").asString()).startsWith("Raced ");
    }

    @Test
    @Order(5)
    void a_recurring_job_runs_once_per_period_across_the_instances_that_run_jobs() throws Exception {
        Duration period = Duration.ofSeconds(5);
        for (ConfigurableApplicationContext instance : List.of(api, worker)) {
            instance.getBean(JobScheduler.class).scheduleRecurrently("multi-instance-probe", period,
                    (RecurringProbe probe) -> probe.run());
        }
        Thread.sleep(period.multipliedBy(4).toMillis());
        api.getBean(JobScheduler.class).deleteRecurringJob("multi-instance-probe");

        List<Instant> runs = RecurringProbe.runs();
        assertThat(runs).as("runs over four periods").hasSizeBetween(2, 5);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("time between two runs: never two for one period")
                    .isGreaterThan(period.dividedBy(2));
        }
    }

    @Test
    @Order(6)
    void a_killed_instances_segments_are_taken_over_and_no_event_is_lost() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                doomed.kill();
            }
            ids.add(create(api(api), "Across the kill " + i, "Survivors"));
        }

        for (String projection : PROJECTIONS) {
            awaitOwners(projection, owners -> owners.equals(Map.of("worker", 4L)));
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode read = api(api).graphQl("query($id: ID!) { campaign(id: $id) { name version } }", "id", ids.get(i));
            assertThat(read.get("data").get("campaign").get("name").asString()).isEqualTo("Across the kill " + i);
            assertThat(read.get("data").get("campaign").get("version").asInt()).isZero();
        }
        JsonNode found = api(api).graphQl("{ searchCampaigns(text: \"survivors\", first: 100) { id } }");
        assertThat(found.get("data").get("searchCampaigns").valueStream().map(hit -> hit.get("id").asString()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(api.getBean(ProjectionCatchUp.class).timeouts())
                .as("the takeover, within the claim timeout, kept every wait within its bound").isZero();
    }

    private static String create(PlaymarkApi instance, String name, String advertiser) {
        JsonNode created = instance.graphQl("mutation($name: String!, $advertiser: String!) { createCampaign(input: "
                + "{name: $name, advertiser: $advertiser}) { id } }", "name", name, "advertiser", advertiser);
        assertThat(created.get("errors")).as(created.toString()).isNull();
        return created.get("data").get("createCampaign").get("id").asString();
    }

    /** Waits until the segments' owners, as the api instance reports them, are as expected. */
    private static void awaitOwners(String projection, Predicate<Map<String, Long>> expected) {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        Map<String, Long> owners = Map.of();
        while (System.nanoTime() < deadline) {
            owners = status(api(api), projection).get("segments").valueStream()
                    .filter(segment -> segment.get("owner").isString())
                    .collect(Collectors.groupingBy(segment -> segment.get("owner").asString(), Collectors.counting()));
            if (expected.test(owners)) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError(projection + "'s segments did not settle within " + SETTLING + "; owners: " + owners);
    }

    private static JsonNode status(PlaymarkApi instance, String projection) {
        return instance.get("/api/v1/admin/processors/" + projection).body();
    }

    private static ConfigurableApplicationContext start(String id, String roles) {
        return new SpringApplicationBuilder(PlaymarkApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("recurringProbe", new RecurringProbe()))
                .run(
                "--server.port=0",
                "--playmark.instance-id=" + id,
                "--playmark.roles=" + roles,
                "--playmark.data-dir=" + dataDirectory.resolve(id),
                "--playmark.mongodb.uri=" + mongo.connectionString(),
                "--playmark.elasticsearch.uris=" + elasticsearch.httpUri(),
                "--playmark.jobs.dashboard.enabled=false",
                "--playmark.security.admin-api-key=" + ADMIN_KEY,
                "--playmark.projections.claim-timeout=" + CLAIM_TIMEOUT,
                "--playmark.projections.claim-interval=" + CLAIM_INTERVAL,
                "--playmark.event-store.fetch-delay=" + FETCH_DELAY,
                // JobRunr's shortest: recurring jobs may run as often as its servers look for work
                "--jobrunr.background-job-server.poll-interval-in-seconds=5");
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static PlaymarkApi api(ConfigurableApplicationContext context) {
        return PlaymarkApi.of(context, ADMIN_KEY);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
