package io.playmark.infra;

import io.playmark.infra.support.PlaymarkApi;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On the persistent default (the H2 file), a restart keeps events, read models, indexes and jobs. */
class RestartIT {

    private static final String ADMIN_KEY = "pmk_restart-test-admin-key-01";

    @TempDir
    Path dataDirectory;

    @Test
    void a_restart_on_the_same_data_directory_keeps_everything() {
        String campaignId;
        JobId jobId;
        try (ConfigurableApplicationContext first = start()) {
            PlaymarkApi api = api(first);
            campaignId = api.graphQl("mutation { createCampaign(input: {name: \"Kept over restart\", advertiser: \"Durable\"}) { id } }")
                    .get("data").get("createCampaign").get("id").asString();
            jobId = first.getBean(JobScheduler.class)
                    .schedule(Instant.now().plus(1, ChronoUnit.DAYS), () -> System.out.println("a job kept over restart"));
        }

        try (ConfigurableApplicationContext second = start()) {
            PlaymarkApi api = api(second);
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
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlaymarkApplication.class).run(
                "--server.port=0",
                "--playmark.data-dir=" + dataDirectory,
                "--playmark.mongodb.embedded.backend=h2",
                "--playmark.security.admin-api-key=" + ADMIN_KEY,
                "--playmark.jobs.dashboard.enabled=false");
    }

    private static PlaymarkApi api(ConfigurableApplicationContext context) {
        return new PlaymarkApi(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN_KEY);
    }
}
