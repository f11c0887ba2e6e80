package io.playmark.infra.support;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.security.ApiKeys;
import io.playmark.infra.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole application, as users run it, on the embedded MongoDB-compatible server (memory
 * backend) and a real embedded Elasticsearch node, and talks to it over HTTP. Subclasses share one
 * running application; each test makes its own campaigns, so tests do not depend on each other.
 */
@SpringBootTest(classes = PlaymarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "playmark.mongodb.embedded.backend=memory",
                "playmark.security.admin-api-key=" + PlaymarkIntegrationTest.ADMIN_KEY,
                "playmark.jobs.dashboard.enabled=false",
                // every test class's anonymous requests (401 checks, pages and their assets) come from 127.0.0.1
                // within a minute or two: more than an anonymous caller's 60 per minute
                "playmark.limits.rate.anonymous.capacity=1000",
                "playmark.media.upload.max-bytes=" + PlaymarkIntegrationTest.UPLOAD_LIMIT_BYTES,
                // every test class's uploads queue media jobs; small ones, so more workers than a 2-core default
                "jobrunr.background-job-server.worker-count=4",
                // JobRunr's shortest poll: an enqueued job starts within 5 s rather than 15
                "jobrunr.background-job-server.poll-interval-in-seconds=5",
                // an import folder for ImportFoldersIT, under the data directory
                "playmark.media.import-folders[0].name=" + PlaymarkIntegrationTest.IMPORT_FOLDER,
                "playmark.media.import-folders[0].path=${playmark.data-dir}/import/" + PlaymarkIntegrationTest.IMPORT_FOLDER,
                "playmark.media.import-folders[0].folder=/imported",
                "playmark.media.import-folders[0].tags=dropped, test",
                // reports are mailed to the GreenMail server ReportsIT starts on mailPort(), webhooks go to plain
                // http servers in the tests, and retries come soon
                "playmark.reports.mail.host=127.0.0.1",
                "playmark.reports.webhook.allow-http=true",
                "playmark.reports.webhook.attempts=3",
                "playmark.reports.webhook.backoff=200ms"
        })
public abstract class PlaymarkIntegrationTest {

    protected static final String ADMIN_KEY = "pmk_test-admin-key-0123456789";
    /** Small, so that a test can pass it quickly. */
    public static final long UPLOAD_LIMIT_BYTES = 16L * 1024 * 1024;
    protected static final String IMPORT_FOLDER = "it-drop";
    private static final Path DATA_DIRECTORY = temporaryDirectory();
    private static final int MAIL_PORT = freePort();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiKeys apiKeys;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("playmark.data-dir", DATA_DIRECTORY::toString);
        registry.add("playmark.reports.mail.port", () -> MAIL_PORT);
    }

    /** The port the shared application mails reports to (nothing listens unless a test starts a server there). */
    protected static int mailPort() {
        return MAIL_PORT;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directory of the shared application. */
    protected static Path dataDirectory() {
        return DATA_DIRECTORY;
    }

    protected PlaymarkApi asAdmin() {
        return new PlaymarkApi(port, ADMIN_KEY);
    }

    protected PlaymarkApi as(Role role) {
        return new PlaymarkApi(port, apiKeys.issue("test " + role, Set.of(role),
                role == Role.PLAYER ? "player-1" : null).plainText());
    }

    protected PlaymarkApi anonymous() {
        return new PlaymarkApi(port, null);
    }

    /** A GraphQL answer's data field, asserting there were no errors. */
    protected static JsonNode dataOf(JsonNode response, String field) {
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get(field);
    }

    /** A GraphQL refusal's broken rules, as "field rule" of each error. */
    protected static List<String> brokenRules(JsonNode response) {
        assertThat(response.get("errors")).as("errors in %s", response).isNotNull();
        return response.get("errors").valueStream().map(error -> error.get("extensions"))
                .map(extensions -> extensions.get("field").asString() + " " + extensions.get("rule").asString())
                .toList();
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("playmark-it-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
