package io.playmark.infra;

import io.playmark.infra.support.JobDashboardClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the persistent default (the H2 file), a restart keeps events, read models, indexes and jobs, and a replay
 * finished before it reads as finished after it; the job dashboard it then runs answers to ADMIN keys only.
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
        KeptPlayer player;
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
            player = KeptPlayer.register(api, first);
            api.post(REPLAY, Map.of());
            assertThat(awaitCaughtUp(api).get("replaying").asBoolean()).isFalse();
        }

        int dashboardPort = JobDashboardClient.freePort();
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

            player.isStillThere(api);
            theDashboardLetsInEveryValidAdminKeyAndNoOtherCaller(api, new JobDashboardClient(dashboardPort));
        }
    }

    /** A player in a dynamic group, with its key, a heartbeat and a playlist on it, made before the restart. */
    private record KeptPlayer(String id, String groupId, String apiKey, String lastSeenAt, String playlist,
                              String etag) {

        private static final String WINDOW = "?from=2026-06-01T08:00:00Z&to=2026-06-01T10:00:00Z";

        static KeptPlayer register(PlaymarkApi admin, ConfigurableApplicationContext playmark) {
            JsonNode registered = admin.graphQl("""
                    mutation { registerPlayer(input: {name: "Kept screen", location: {latitude: 52.52, longitude: 13.41},
                      timeZone: "Europe/Berlin", tags: ["kept"], resolution: {width: 1920, height: 1080},
                      hardwareProfile: "hd-h264"}) { id apiKey } }""").get("data").get("registerPlayer");
            String groupId = admin.graphQl("mutation { createPlayerGroup(input: {name: \"Kept\", rule: {anyTags: [\"kept\"]}}) { id } }")
                    .get("data").get("createPlayerGroup").get("id").asString();
            String id = registered.get("id").asString();
            String apiKey = registered.get("apiKey").asString();
            String lastSeenAt = admin.withKey(apiKey).post("/api/v1/players/" + id + "/heartbeat", Map.of()).body()
                    .get("lastSeenAt").asString();
            schedule(admin, playmark, groupId);
            PlaymarkApi.Response playlist = admin.withKey(apiKey).get("/api/v1/players/" + id + "/playlist" + WINDOW);
            assertThat(playlist.body().get("items")).as(playlist.text()).hasSize(360);
            return new KeptPlayer(id, groupId, apiKey, lastSeenAt, playlist.text(),
                    playlist.headers().firstValue("ETag").orElseThrow());
        }

        /** Ten seconds of an approved slide, on the group, every morning. */
        private static void schedule(PlaymarkApi admin, ConfigurableApplicationContext playmark, String groupId) {
            AssetId slide = TestAssets.of(playmark).approved("Kept slide", "/kept", MediaKind.IMAGE);
            String playlist = admin.graphQl("mutation($input: PlaylistInput!) { createPlaylist(input: $input) { id } }",
                    "input", Map.of("name", "Kept", "items", List.of(Map.of("assetId", slide.value(),
                            "durationMillis", 10_000)))).get("data").get("createPlaylist").get("id").asString();
            admin.graphQl("mutation($input: ScheduleEntryInput!) { createScheduleEntry(input: $input) { id } }",
                    "input", Map.of("playlistId", playlist, "groups", List.of(groupId), "recurrence",
                            Map.of("start", "2026-06-01T09:00", "durationMinutes", 120, "rrule", "FREQ=DAILY")));
        }

        void isStillThere(PlaymarkApi admin) {
            JsonNode found = admin.graphQl("query($id: ID!) { player(id: $id) { name lastSeenAt groups { id } } }",
                    "id", id).get("data").get("player");
            assertThat(found.get("name").asString()).isEqualTo("Kept screen");
            assertThat(found.get("lastSeenAt").asString()).isEqualTo(lastSeenAt);
            assertThat(found.get("groups").valueStream().map(group -> group.get("id").asString())).containsExactly(groupId);
            assertThat(admin.withKey(apiKey).post("/api/v1/players/" + id + "/heartbeat", Map.of()).status())
                    .as("its key still works").isEqualTo(200);
            PlaymarkApi.Response again = admin.withKey(apiKey).get("/api/v1/players/" + id + "/playlist" + WINDOW);
            assertThat(again.text()).as("the same playlist, resolved anew").isEqualTo(playlist);
            assertThat(admin.withKey(apiKey).send("GET", "/api/v1/players/" + id + "/playlist" + WINDOW, null,
                    "If-None-Match", etag).status()).as("the ETag from before the restart").isEqualTo(304);
        }
    }

    /** Checked on every request, so that keys issued or revoked while it runs count at once. */
    private static void theDashboardLetsInEveryValidAdminKeyAndNoOtherCaller(PlaymarkApi admin,
                                                                             JobDashboardClient dashboard) {
        for (String path : List.of("/dashboard", JobDashboardClient.SCHEDULED_JOBS, "/sse/jobstats")) {
            JobDashboardClient.Answer anonymous = dashboard.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.challenge()).as("so that a browser asks, on %s", path).startsWith("Basic realm=");
        }
        assertThat(dashboard.basic("admin", "pmk_a-wrong-password-0000000").status()).isEqualTo(401);
        assertThat(dashboard.basic("admin", ADMIN_KEY).status()).as("the configured admin key").isEqualTo(200);
        assertThat(dashboard.basic("admin", issueKey(admin, "MANAGER").get("key").asString()).status())
                .as("a MANAGER key").isEqualTo(401);

        String successor = issueKey(admin, "ADMIN").get("key").asString();
        assertThat(dashboard.basic("admin", successor).status()).as("an ADMIN key issued later").isEqualTo(200);
        assertThat(dashboard.basic("anyone", successor).status()).as("under any user name").isEqualTo(200);

        assertThat(admin.delete("/api/v1/admin/api-keys/configured-admin").status()).isEqualTo(204);
        assertThat(dashboard.basic("admin", ADMIN_KEY).status()).as("the revoked configured key").isEqualTo(401);
        assertThat(dashboard.basic("admin", successor).status()).as("its successor").isEqualTo(200);
    }

    private static JsonNode issueKey(PlaymarkApi admin, String role) {
        PlaymarkApi.Response issued = admin.post("/api/v1/admin/api-keys",
                Map.of("name", "dashboard test " + role, "roles", List.of(role)));
        assertThat(issued.status()).isEqualTo(201);
        return issued.body();
    }

    private static JsonNode awaitCaughtUp(PlaymarkApi api) throws InterruptedException {
        return ProcessorWatch.await(api, PROCESSOR, "caught up with the head", ProcessorWatch.caughtUpWithTheHead(),
                Duration.ofSeconds(30));
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
        return PlaymarkApi.of(context, ADMIN_KEY);
    }
}
