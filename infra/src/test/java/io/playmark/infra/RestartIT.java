package io.playmark.infra;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.ProcessorWatch;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the persistent default (the H2 file), a restart keeps events, read models, indexes and jobs, and a replay
 * finished before it reads as finished after it; the job dashboard it then runs answers only to the admin key.
 */
class RestartIT {

    private static final String ADMIN_KEY = "pmk_restart-test-admin-key-01";
    private static final String PROCESSOR = "campaign-read-model";
    private static final String REPLAY = "/api/v1/admin/processors/" + PROCESSOR + "/replay";

    @TempDir
    Path dataDirectory;

    @Test
    void a_restart_on_the_same_data_directory_keeps_everything() throws Exception {
        String campaignId;
        JobId jobId;
        try (ConfigurableApplicationContext first = start("--playmark.jobs.dashboard.enabled=false")) {
            PlaymarkApi api = api(first);
            JsonNode emptyReplay = api.post(REPLAY, Map.of()).body();
            assertThat(emptyReplay.get("headPosition").asLong()).as("a fresh store").isZero();
            JsonNode replayedNothing = ProcessorWatch.await(api, PROCESSOR, "caught up", ProcessorWatch.caughtUp(),
                    Duration.ofSeconds(30));
            assertThat(replayedNothing.get("replaying").asBoolean()).as("a replay of nothing, in %s", replayedNothing)
                    .isFalse();

            campaignId = api.graphQl("mutation { createCampaign(input: {name: \"Kept over restart\", advertiser: \"Durable\"}) { id } }")
                    .get("data").get("createCampaign").get("id").asString();
            jobId = first.getBean(JobScheduler.class)
                    .schedule(Instant.now().plus(1, ChronoUnit.DAYS), () -> System.out.println("a job kept over restart"));
            api.post(REPLAY, Map.of());
            assertThat(awaitCaughtUp(api).get("replaying").asBoolean()).isFalse();
        }

        int dashboardPort = freePort();
        try (ConfigurableApplicationContext second = start("--playmark.jobs.dashboard.enabled=true",
                "--playmark.jobs.dashboard.port=" + dashboardPort)) {
            PlaymarkApi api = api(second);
            // read before anything new is written: Axon's replay token is still stored, at the reset position
            JsonNode afterRestart = awaitCaughtUp(api);
            assertThat(afterRestart.get("replaying").asBoolean()).as("replaying after the restart, in %s", afterRestart)
                    .isFalse();
            assertThat(afterRestart.get("replayProgress").isNull()).isTrue();

            JsonNode campaign = api.graphQl("query($id: ID!) { campaign(id: $id) { name version } }", "id", campaignId)
                    .get("data").get("campaign");
            assertThat(campaign.get("name").asString()).isEqualTo("Kept over restart");
            JsonNode hits = api.graphQl("{ searchCampaigns(text: \"durable\") { id } }").get("data").get("searchCampaigns");
            assertThat(hits.valueStream().map(hit -> hit.get("id").asString())).containsExactly(campaignId);
            assertThat(second.getBean(StorageProvider.class).getJobById(jobId).getJobState().getName().name())
                    .isEqualTo("SCHEDULED");
            JsonNode renamed = api.graphQl("mutation($id: ID!) { renameCampaign(id: $id, name: \"Renamed after restart\") { version } }",
                    "id", campaignId).get("data").get("renameCampaign");
            assertThat(renamed.get("version").asInt()).as("the aggregate was rebuilt from its stored events").isEqualTo(1);

            assertThat(dashboardStatus(dashboardPort, null)).isEqualTo(401);
            assertThat(dashboardStatus(dashboardPort, "admin:pmk_a-wrong-password-0000000")).isEqualTo(401);
            assertThat(dashboardStatus(dashboardPort, "admin:" + ADMIN_KEY)).isEqualTo(200);
        }
    }

    private static JsonNode awaitCaughtUp(PlaymarkApi api) throws InterruptedException {
        return ProcessorWatch.await(api, PROCESSOR, "caught up with the head", ProcessorWatch.caughtUpWithTheHead(),
                Duration.ofSeconds(30));
    }

    private static int dashboardStatus(int port, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs?state=SCHEDULED"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ConfigurableApplicationContext start(String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--playmark.data-dir=" + dataDirectory,
                "--playmark.mongodb.embedded.backend=h2",
                "--playmark.security.admin-api-key=" + ADMIN_KEY));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(PlaymarkApplication.class).run(arguments.toArray(String[]::new));
    }

    private static PlaymarkApi api(ConfigurableApplicationContext context) {
        return new PlaymarkApi(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN_KEY);
    }
}
