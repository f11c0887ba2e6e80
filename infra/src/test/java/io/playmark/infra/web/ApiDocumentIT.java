package io.playmark.infra.web;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Rendition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the REST API really does: for every operation, each documented status is
 * provoked here and must be what the endpoint answers, and nothing answered here goes undocumented.
 */
class ApiDocumentIT extends PlaymarkIntegrationTest {

    private static final String KEYS = "/api/v1/admin/api-keys";
    private static final String PROCESSORS = "/api/v1/admin/processors";
    private static final String MAINTENANCE = "/api/v1/admin/maintenance";
    private static final String ASSETS = "/api/v1/assets";
    private static final String JSON = "application/json";
    private static final String UPLOADS = "/api/v1/uploads";
    private static final String IMPORT_FOLDERS = "/api/v1/import-folders";
    private static final String TUS_BODY = "application/offset+octet-stream";
    private static final String PLAYERS = "/api/v1/players";

    /**
     * Statuses this shared context cannot provoke: only several instances can (MultiInstanceIT does, with two query
     * instances and a command one), or only a bearer token without a Playmark role, since every role reads assets
     * (JwtIT does).
     */
    private static final List<String> PROVOKED_ELSEWHERE = Stream.concat(
            Stream.of("POST " + PROCESSORS + "/{name}/replay 409", "POST " + PROCESSORS + "/{name}/replay 503"),
            TestAssets.READ_PATHS.stream().map(path -> "GET " + path + " 403")).toList();

    private static JsonNode document;

    @Autowired
    private ApplicationContext playmark;

    @BeforeAll
    static void readTheDocument(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port)
            throws java.io.IOException {
        PlaymarkApi.Response response = new PlaymarkApi(port, null).get("/v3/api-docs");
        document = response.body();
        // kept beside the build for client generators and for reading
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.text());
    }

    @Test
    void the_document_names_playmark_its_servers_and_both_security_schemes_on_every_operation() {
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Playmark API");
        assertThat(document.get("info").get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.get("info").get("description").asString()).contains("X-Api-Key", "problem");
        assertThat(document.get("servers")).isNotEmpty();
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("apiKey").get("in").asString()).isEqualTo("header");
        assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.get("bearerJwt").get("scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("security").valueStream().map(requirement -> requirement.propertyNames().iterator().next()))
                .containsExactlyInAnyOrder("apiKey", "bearerJwt");
        assertThat(document.get("paths").has("/error")).as("the error page is not an operation").isFalse();
        assertThat(operations().values().stream().map(operation -> operation.get("operationId").asString()))
                .as("operation ids a client generator turns into method names").doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z][A-Za-z]+"));
    }

    @Test
    void every_request_body_has_an_example_and_every_error_is_a_problem() {
        operations().forEach((operation, node) -> {
            JsonNode body = node.get("requestBody");
            if (body != null) {
                // a binary body (a tus PATCH's bytes) has nothing to show
                body.get("content").properties().stream()
                        .filter(media -> !"binary".equals(media.getValue().path("schema").path("format").asString("")))
                        .forEach(media -> assertThat(media.getValue().has("examples") || media.getValue().has("example"))
                                .as(operation + " request example").isTrue());
            }
            node.get("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode problem = response.getValue().get("content").get("application/problem+json");
                    assertThat(problem).as(operation + " " + response.getKey()).isNotNull();
                    assertThat(problem.get("schema").get("$ref").asString()).endsWith("/Problem");
                }
            });
        });
    }

    @Test
    void every_documented_status_is_what_the_operation_answers_and_every_answer_is_documented()
            throws InterruptedException {
        Map<String, Supplier<PlaymarkApi.Response>> scenarios = scenarios();
        List<String> documented = new ArrayList<>();
        operations().forEach((operation, node) ->
                node.get("responses").propertyNames().forEach(status -> documented.add(operation + " " + status)));

        assertThat(new TreeSet<>(scenarios.keySet())).as("statuses provoked here but not in the document")
                .isSubsetOf(documented);
        List<String> provokedElsewhere = documented.stream().filter(PROVOKED_ELSEWHERE::contains).toList();
        assertThat(provokedElsewhere).as("the statuses MultiInstanceIT and JwtIT provoke are documented")
                .containsExactlyInAnyOrderElementsOf(PROVOKED_ELSEWHERE);
        documented.removeAll(PROVOKED_ELSEWHERE);
        assertThat(new TreeSet<>(documented)).as("documented statuses that no scenario here provokes")
                .isSubsetOf(scenarios.keySet());
        for (Map.Entry<String, Supplier<PlaymarkApi.Response>> entry : scenarios.entrySet()) {
            String answer = entry.getKey();
            PlaymarkApi.Response response = entry.getValue().get();
            String status = answer.substring(answer.lastIndexOf(' ') + 1);
            assertThat(String.valueOf(response.status())).as(answer + ": " + response.text()).isEqualTo(status);
            if (status.startsWith("4") || status.startsWith("5")) {
                assertThat(response.contentType()).as(answer).startsWith("application/problem+json");
            } else {
                assertAnswersInDocumentedContent(answer, response);
            }
            if (answer.endsWith("/replay 200")) {
                // the read model is rebuilt before the next answer, or the next test, reads it
                ProcessorWatch.await(asAdmin(), "campaign-read-model", "rebuilt",
                        rebuilt -> ProcessorWatch.caughtUp().test(rebuilt) && !rebuilt.path("replaying").asBoolean(),
                        Duration.ofSeconds(30));
            }
        }
    }

    /**
     * A success or 304 has a body only where the document describes one (204 and 304 have none), in a media type it
     * names: JSON, or {@code *}{@code /*} for a file delivered in its own type.
     */
    private static void assertAnswersInDocumentedContent(String answer, PlaymarkApi.Response response) {
        int space = answer.lastIndexOf(' ');
        JsonNode content = operations().get(answer.substring(0, space)).get("responses")
                .get(answer.substring(space + 1)).get("content");
        if (content == null) {
            assertThat(response.text()).as(answer + " has no body").isEmpty();
            return;
        }
        List<String> types = new ArrayList<>(content.propertyNames());
        assertThat(types).as(answer).anyMatch(type -> type.equals("*/*") || response.contentType().startsWith(type));
    }

    /** "METHOD /path/{template} status" of each operation's answer, to how to provoke it. */
    private Map<String, Supplier<PlaymarkApi.Response>> scenarios() {
        PlaymarkApi admin = asAdmin();
        PlaymarkApi anonymous = anonymous();
        PlaymarkApi manager = as(Role.MANAGER);
        String unknown = UUID.randomUUID().toString();
        Map<String, Supplier<PlaymarkApi.Response>> scenarios = new LinkedHashMap<>();

        String taken = UUID.randomUUID().toString();
        Map<String, Object> keyRequest = Map.of("id", taken, "name", "documented", "roles", List.of("ANALYST"));
        scenarios.put("POST " + KEYS + " 201", () -> admin.post(KEYS, keyRequest));
        scenarios.put("POST " + KEYS + " 409", () -> admin.post(KEYS, keyRequest));
        scenarios.put("POST " + KEYS + " 400", () -> admin.post(KEYS, Map.of("name", "x", "roles", List.of("NOBODY"))));
        scenarios.put("POST " + KEYS + " 401", () -> anonymous.post(KEYS, keyRequest));
        scenarios.put("POST " + KEYS + " 403", () -> manager.post(KEYS, keyRequest));
        scenarios.put("POST " + KEYS + " 415", () -> admin.send("POST", KEYS, "name=x", "Content-Type", "text/plain"));
        scenarios.put("POST " + KEYS + " 413", () -> admin.send("POST", KEYS,
                "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}", "Content-Type", JSON));

        scenarios.put("GET " + KEYS + " 200", () -> admin.get(KEYS));
        scenarios.put("GET " + KEYS + " 401", () -> anonymous.get(KEYS));
        scenarios.put("GET " + KEYS + " 403", () -> manager.get(KEYS));

        scenarios.put("GET " + KEYS + "/{id} 200", () -> admin.get(KEYS + "/" + taken));
        scenarios.put("GET " + KEYS + "/{id} 401", () -> anonymous.get(KEYS + "/" + taken));
        scenarios.put("GET " + KEYS + "/{id} 403", () -> manager.get(KEYS + "/" + taken));
        scenarios.put("GET " + KEYS + "/{id} 404", () -> admin.get(KEYS + "/" + unknown));

        scenarios.put("DELETE " + KEYS + "/{id} 401", () -> anonymous.delete(KEYS + "/" + taken));
        scenarios.put("DELETE " + KEYS + "/{id} 403", () -> manager.delete(KEYS + "/" + taken));
        scenarios.put("DELETE " + KEYS + "/{id} 204", () -> admin.delete(KEYS + "/" + taken));
        scenarios.put("DELETE " + KEYS + "/{id} 404", () -> admin.delete(KEYS + "/" + unknown));
        scenarios.put("DELETE " + KEYS + "/{id} 409", () -> admin.delete(KEYS + "/configured-admin"));

        scenarios.put("GET " + PROCESSORS + " 200", () -> admin.get(PROCESSORS));
        scenarios.put("GET " + PROCESSORS + " 401", () -> anonymous.get(PROCESSORS));
        scenarios.put("GET " + PROCESSORS + " 403", () -> manager.get(PROCESSORS));

        String processor = PROCESSORS + "/campaign-read-model";
        scenarios.put("GET " + PROCESSORS + "/{name} 200", () -> admin.get(processor));
        scenarios.put("GET " + PROCESSORS + "/{name} 401", () -> anonymous.get(processor));
        scenarios.put("GET " + PROCESSORS + "/{name} 403", () -> manager.get(processor));
        scenarios.put("GET " + PROCESSORS + "/{name} 404", () -> admin.get(PROCESSORS + "/no-such-processor"));

        String replay = processor + "/replay";
        scenarios.put("POST " + PROCESSORS + "/{name}/replay 200", () -> admin.post(replay, Map.of()));
        scenarios.put("POST " + PROCESSORS + "/{name}/replay 401", () -> anonymous.post(replay, Map.of()));
        scenarios.put("POST " + PROCESSORS + "/{name}/replay 403", () -> manager.post(replay, Map.of()));
        scenarios.put("POST " + PROCESSORS + "/{name}/replay 404",
                () -> admin.post(PROCESSORS + "/no-such-processor/replay", Map.of()));

        scenarios.put("GET " + MAINTENANCE + " 200", () -> admin.get(MAINTENANCE));
        scenarios.put("GET " + MAINTENANCE + " 401", () -> anonymous.get(MAINTENANCE));
        scenarios.put("GET " + MAINTENANCE + " 403", () -> manager.get(MAINTENANCE));
        scenarios.putAll(uploadScenarios(admin, anonymous, manager));
        scenarios.putAll(importFolderScenarios(admin, anonymous, manager));
        scenarios.putAll(playerScenarios(admin, anonymous, manager));

        // a screen's key has the smallest quota: spent, every operation answers 429 (limits come before roles)
        PlaymarkApi screen = as(Role.PLAYER);
        AssetUploadScenarios.add(scenarios, admin, manager, anonymous, as(Role.ANALYST), screen,
                ApiDocumentIT::whenSpent);
        PlaylistScenarios.add(scenarios, port, manager, anonymous, as(Role.ANALYST), screen, ApiDocumentIT::whenSpent);
        AssetCollectionScenarios.add(scenarios, admin, manager, anonymous, as(Role.ANALYST), as(Role.PLAYER), screen,
                ApiDocumentIT::whenSpent);
        AuditScenarios.add(scenarios, admin, manager, anonymous, screen, ApiDocumentIT::whenSpent);
        String availability = "/api/v1/campaign-availability";
        String proposal = availability + "?tags=lobby&start=" + Instant.now().plus(Duration.ofDays(1)) + "&end="
                + Instant.now().plus(Duration.ofDays(2));
        scenarios.put("GET " + availability + " 200", () -> as(Role.ANALYST).get(proposal));
        scenarios.put("GET " + availability + " 400", () -> manager.get(availability + "?tags=lobby"));
        scenarios.put("GET " + availability + " 401", () -> anonymous.get(proposal));
        scenarios.put("GET " + availability + " 403", () -> as(Role.AUDITOR).get(proposal));
        scenarios.put("GET " + availability + " 429", () -> whenSpent(screen, api -> api.get(proposal)));
        assetReads(scenarios, anonymous, screen);
        AuditIntegrityScenarios.add(scenarios, admin, manager, anonymous, as(Role.AUDITOR), screen,
                ApiDocumentIT::whenSpent);
        PlayUploadScenarios.add(scenarios, admin, anonymous, as(Role.PLAYER), screen, port, ApiDocumentIT::whenSpent);
        ReportScenarios.add(scenarios, as(Role.ANALYST), as(Role.AUDITOR), anonymous, as(Role.PLAYER), screen,
                ApiDocumentIT::whenSpent);
        scenarios.put("POST " + KEYS + " 429", () -> whenSpent(screen, api -> api.post(KEYS, keyRequest)));
        scenarios.put("POST " + PLAYERS + " 429", () -> whenSpent(screen, api -> api.post(PLAYERS, Map.of())));
        scenarios.put("GET " + PLAYERS + "/{id} 429", () -> whenSpent(screen, api -> api.get(PLAYERS + "/player-1")));
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 429",
                () -> whenSpent(screen, api -> api.post(PLAYERS + "/player-1/api-key", Map.of())));
        scenarios.put("DELETE " + PLAYERS + "/{id} 429", () -> whenSpent(screen, api -> api.delete(PLAYERS + "/player-1")));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 429",
                () -> whenSpent(screen, api -> api.post(PLAYERS + "/player-1/heartbeat", Map.of())));
        scenarios.put("GET " + KEYS + " 429", () -> whenSpent(screen, api -> api.get(KEYS)));
        scenarios.put("GET " + KEYS + "/{id} 429", () -> whenSpent(screen, api -> api.get(KEYS + "/" + taken)));
        scenarios.put("DELETE " + KEYS + "/{id} 429",
                () -> whenSpent(screen, api -> api.delete(KEYS + "/" + taken)));
        scenarios.put("GET " + PROCESSORS + " 429", () -> whenSpent(screen, api -> api.get(PROCESSORS)));
        scenarios.put("GET " + MAINTENANCE + " 429", () -> whenSpent(screen, api -> api.get(MAINTENANCE)));
        scenarios.put("GET " + PROCESSORS + "/{name} 429", () -> whenSpent(screen, api -> api.get(processor)));
        scenarios.put("POST " + PROCESSORS + "/{name}/replay 429",
                () -> whenSpent(screen, api -> api.post(replay, Map.of())));
        scenarios.put("POST " + UPLOADS + " 429", () -> whenSpent(screen, api -> createUpload(api, 10)));
        scenarios.put("HEAD " + UPLOADS + "/{id} 429", () -> whenSpent(screen, api -> tus(api, "HEAD", unknownUpload())));
        scenarios.put("PATCH " + UPLOADS + "/{id} 429", () -> whenSpent(screen, api -> patch(api, unknownUpload(), 0, 1)));
        scenarios.put("DELETE " + UPLOADS + "/{id} 429", () -> whenSpent(screen, api -> tus(api, "DELETE", unknownUpload())));
        scenarios.put("OPTIONS " + UPLOADS + " 429", () -> whenSpent(screen, api -> tus(api, "OPTIONS", UPLOADS)));
        scenarios.put("GET " + IMPORT_FOLDERS + " 429", () -> whenSpent(screen, api -> api.get(IMPORT_FOLDERS)));
        scenarios.put("POST " + IMPORT_FOLDERS + "/{name}/scans 429",
                () -> whenSpent(screen, api -> api.post(IMPORT_FOLDERS + "/" + IMPORT_FOLDER + "/scans", Map.of())));
        scenarios.put("GET " + IMPORT_FOLDERS + "/{name}/scans/{scanId} 429", () -> whenSpent(screen,
                api -> api.get(IMPORT_FOLDERS + "/" + IMPORT_FOLDER + "/scans/" + UUID.randomUUID())));
        return scenarios;
    }

    /** The asset reads: an asset with a file of each sort, read by a screen (every role reads them). */
    private void assetReads(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi anonymous,
                            PlaymarkApi screen) {
        TestAssets assets = TestAssets.of(playmark);
        TestAssets.Stored content = assets.store(TestAssets.randomBytes(2000), "video/mp4");
        AssetId id = assets.register("Documented", "documented.mp4", "/documented", Set.of(), content, "video/mp4",
                MediaKind.VIDEO);
        Map<String, String> etags = new LinkedHashMap<>();
        etags.put("/content", content.sha256().value());
        for (String name : List.of("video-720p", Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW)) {
            boolean video = name.equals("video-720p") || name.equals(Rendition.PREVIEW);
            Rendition rendition = assets.rendition(id, 1, name, TestAssets.randomBytes(500),
                    video ? "video/mp4" : "image/jpeg", video ? "h264" : null, 1280, 720);
            etags.put(name.equals("video-720p") ? "/renditions/video-720p" : "/" + name, rendition.sha256());
        }
        PlaymarkApi reader = as(Role.PLAYER);
        String asset = ASSETS + "/" + id.value();
        String unknown = ASSETS + "/" + UUID.randomUUID();
        scenarios.put("GET " + ASSETS + "/{id} 200", () -> reader.get(asset));
        scenarios.put("GET " + ASSETS + "/{id} 400", () -> reader.get(ASSETS + "/not-a-uuid"));
        scenarios.put("GET " + ASSETS + "/{id} 401", () -> anonymous.get(asset));
        scenarios.put("GET " + ASSETS + "/{id} 404", () -> reader.get(unknown));
        scenarios.put("GET " + ASSETS + "/{id} 429", () -> whenSpent(screen, api -> api.get(asset)));
        etags.forEach((file, sha256) -> {
            String template = "GET " + ASSETS + "/{id}" + file.replace("video-720p", "{name}");
            String path = asset + file;
            scenarios.put(template + " 200", () -> reader.get(path));
            scenarios.put(template + " 206", () -> reader.send("GET", path, null, "Range", "bytes=0-9"));
            scenarios.put(template + " 304", () -> reader.send("GET", path, null, "If-None-Match", "\"" + sha256 + "\""));
            scenarios.put(template + " 400", () -> reader.get(ASSETS + "/not-a-uuid" + file));
            scenarios.put(template + " 401", () -> anonymous.get(path));
            scenarios.put(template + " 404", () -> reader.get(unknown + file));
            scenarios.put(template + " 416", () -> reader.send("GET", path, null, "Range", "bytes=1000000-"));
            scenarios.put(template + " 429", () -> whenSpent(screen, api -> api.get(path)));
        });
    }

    /** tus: each call creates what it needs, since the scenarios run in the order they were put. */
    private Map<String, Supplier<PlaymarkApi.Response>> uploadScenarios(PlaymarkApi admin, PlaymarkApi anonymous,
                                                                         PlaymarkApi manager) {
        PlaymarkApi analyst = as(Role.ANALYST);
        Map<String, Supplier<PlaymarkApi.Response>> scenarios = new LinkedHashMap<>();
        scenarios.put("POST " + UPLOADS + " 201", () -> createUpload(admin, 10));
        scenarios.put("POST " + UPLOADS + " 401", () -> createUpload(anonymous, 10));
        scenarios.put("POST " + UPLOADS + " 403", () -> createUpload(analyst, 10));
        scenarios.put("POST " + UPLOADS + " 413", () -> createUpload(admin, 1L << 45));
        scenarios.put("HEAD " + UPLOADS + "/{id} 204", () -> tus(admin, "HEAD", uploadOf(admin)));
        scenarios.put("HEAD " + UPLOADS + "/{id} 401", () -> tus(anonymous, "HEAD", uploadOf(admin)));
        scenarios.put("HEAD " + UPLOADS + "/{id} 403", () -> tus(analyst, "HEAD", uploadOf(admin)));
        scenarios.put("HEAD " + UPLOADS + "/{id} 404", () -> tus(admin, "HEAD", unknownUpload()));
        scenarios.put("PATCH " + UPLOADS + "/{id} 204", () -> patch(manager, uploadOf(manager), 0, 5));
        scenarios.put("PATCH " + UPLOADS + "/{id} 400", () -> patch(admin, uploadOf(admin), 0, 20));
        scenarios.put("PATCH " + UPLOADS + "/{id} 401", () -> patch(anonymous, uploadOf(admin), 0, 5));
        scenarios.put("PATCH " + UPLOADS + "/{id} 403", () -> patch(analyst, uploadOf(admin), 0, 5));
        scenarios.put("PATCH " + UPLOADS + "/{id} 404", () -> patch(admin, unknownUpload(), 0, 5));
        scenarios.put("PATCH " + UPLOADS + "/{id} 409", () -> patch(admin, uploadOf(admin), 3, 5));
        scenarios.put("PATCH " + UPLOADS + "/{id} 413", () -> admin.sendDeclaringLength("PATCH", uploadOf(admin),
                1L << 45, "Tus-Resumable", "1.0.0", "Upload-Offset", "0", "Content-Type", TUS_BODY));
        // ten bytes that are no image complete the upload and are refused
        scenarios.put("PATCH " + UPLOADS + "/{id} 415", () -> patch(admin, uploadOf(admin), 0, 10));
        scenarios.put("DELETE " + UPLOADS + "/{id} 401", () -> tus(anonymous, "DELETE", uploadOf(admin)));
        scenarios.put("DELETE " + UPLOADS + "/{id} 403", () -> tus(analyst, "DELETE", uploadOf(admin)));
        scenarios.put("DELETE " + UPLOADS + "/{id} 204", () -> tus(admin, "DELETE", uploadOf(admin)));
        scenarios.put("DELETE " + UPLOADS + "/{id} 404", () -> tus(admin, "DELETE", unknownUpload()));
        scenarios.put("OPTIONS " + UPLOADS + " 204", () -> tus(manager, "OPTIONS", UPLOADS));
        scenarios.put("OPTIONS " + UPLOADS + " 401", () -> tus(anonymous, "OPTIONS", UPLOADS));
        scenarios.put("OPTIONS " + UPLOADS + " 403", () -> tus(analyst, "OPTIONS", UPLOADS));
        return scenarios;
    }

    private Map<String, Supplier<PlaymarkApi.Response>> importFolderScenarios(PlaymarkApi admin, PlaymarkApi anonymous,
                                                                               PlaymarkApi manager) {
        PlaymarkApi analyst = as(Role.ANALYST);
        String scans = IMPORT_FOLDERS + "/" + IMPORT_FOLDER + "/scans";
        Map<String, Supplier<PlaymarkApi.Response>> scenarios = new LinkedHashMap<>();
        scenarios.put("GET " + IMPORT_FOLDERS + " 200", () -> manager.get(IMPORT_FOLDERS));
        scenarios.put("GET " + IMPORT_FOLDERS + " 401", () -> anonymous.get(IMPORT_FOLDERS));
        scenarios.put("GET " + IMPORT_FOLDERS + " 403", () -> analyst.get(IMPORT_FOLDERS));
        scenarios.put("POST " + IMPORT_FOLDERS + "/{name}/scans 202", () -> admin.post(scans, Map.of()));
        scenarios.put("POST " + IMPORT_FOLDERS + "/{name}/scans 401", () -> anonymous.post(scans, Map.of()));
        scenarios.put("POST " + IMPORT_FOLDERS + "/{name}/scans 403", () -> analyst.post(scans, Map.of()));
        scenarios.put("POST " + IMPORT_FOLDERS + "/{name}/scans 404",
                () -> admin.post(IMPORT_FOLDERS + "/no-such-folder/scans", Map.of()));
        String scan = IMPORT_FOLDERS + "/" + IMPORT_FOLDER + "/scans/" + UUID.randomUUID();
        scenarios.put("GET " + IMPORT_FOLDERS + "/{name}/scans/{scanId} 200", () -> manager.get(
                admin.post(scans, Map.of()).headers().firstValue("Location").orElseThrow()));
        scenarios.put("GET " + IMPORT_FOLDERS + "/{name}/scans/{scanId} 401", () -> anonymous.get(scan));
        scenarios.put("GET " + IMPORT_FOLDERS + "/{name}/scans/{scanId} 403", () -> analyst.get(scan));
        scenarios.put("GET " + IMPORT_FOLDERS + "/{name}/scans/{scanId} 404", () -> admin.get(scan));
        return scenarios;
    }

    /** Players: each call registers what it needs, since the scenarios run in the order they were put. */
    private Map<String, Supplier<PlaymarkApi.Response>> playerScenarios(PlaymarkApi admin, PlaymarkApi anonymous,
                                                                         PlaymarkApi manager) {
        PlaymarkApi analyst = as(Role.ANALYST);
        // bound to "player-1", which is no player id
        PlaymarkApi otherScreen = as(Role.PLAYER);
        String id = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> registration = playerRegistration(id, "Documented screen");
        Map<String, Supplier<PlaymarkApi.Response>> scenarios = new LinkedHashMap<>();
        scenarios.put("POST " + PLAYERS + " 201", () -> manager.post(PLAYERS, registration));
        scenarios.put("POST " + PLAYERS + " 200", () -> admin.post(PLAYERS, registration));
        scenarios.put("POST " + PLAYERS + " 409", () -> manager.post(PLAYERS, playerRegistration(id, "Other name")));
        scenarios.put("POST " + PLAYERS + " 400", () -> {
            Map<String, Object> offset = new LinkedHashMap<>(registration);
            offset.put("timeZone", "+02:00");
            return manager.post(PLAYERS, offset);
        });
        scenarios.put("POST " + PLAYERS + " 401", () -> anonymous.post(PLAYERS, registration));
        scenarios.put("POST " + PLAYERS + " 403", () -> analyst.post(PLAYERS, registration));
        scenarios.put("POST " + PLAYERS + " 413", () -> manager.send("POST", PLAYERS,
                "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}", "Content-Type", JSON));
        scenarios.put("POST " + PLAYERS + " 415", () -> manager.send("POST", PLAYERS, "name=x",
                "Content-Type", "text/plain"));

        scenarios.put("GET " + PLAYERS + "/{id} 200", () -> manager.get(PLAYERS + "/" + id));
        scenarios.put("GET " + PLAYERS + "/{id} 400", () -> manager.get(PLAYERS + "/not-a-uuid"));
        scenarios.put("GET " + PLAYERS + "/{id} 401", () -> anonymous.get(PLAYERS + "/" + id));
        scenarios.put("GET " + PLAYERS + "/{id} 403", () -> otherScreen.get(PLAYERS + "/" + id));
        scenarios.put("GET " + PLAYERS + "/{id} 404", () -> manager.get(PLAYERS + "/" + unknown));

        String heartbeat = PLAYERS + "/" + id + "/heartbeat";
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 200", () -> screenOf(id).post(heartbeat, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 400",
                () -> otherScreen.post(PLAYERS + "/player-1/heartbeat", Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 401", () -> anonymous.post(heartbeat, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 403", () -> manager.post(heartbeat, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 404",
                () -> screenOf(unknown).post(PLAYERS + "/" + unknown + "/heartbeat", Map.of()));

        String rotate = PLAYERS + "/" + id + "/api-key";
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 200", () -> manager.post(rotate, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 400", () -> manager.post(PLAYERS + "/not-a-uuid/api-key",
                Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 401", () -> anonymous.post(rotate, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 403", () -> screenOf(id).post(rotate, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 404", () -> manager.post(PLAYERS + "/" + unknown
                + "/api-key", Map.of()));

        String player = PLAYERS + "/" + id;
        scenarios.put("DELETE " + PLAYERS + "/{id} 400", () -> manager.delete(PLAYERS + "/not-a-uuid"));
        scenarios.put("DELETE " + PLAYERS + "/{id} 401", () -> anonymous.delete(player));
        scenarios.put("DELETE " + PLAYERS + "/{id} 403", () -> analyst.delete(player));
        scenarios.put("DELETE " + PLAYERS + "/{id} 404", () -> manager.delete(PLAYERS + "/" + unknown));
        scenarios.put("DELETE " + PLAYERS + "/{id} 200", () -> manager.delete(player));
        // a decommissioned player gets no key, and one issued to it by hand still cannot bring it back
        scenarios.put("POST " + PLAYERS + "/{id}/api-key 409", () -> manager.post(rotate, Map.of()));
        scenarios.put("POST " + PLAYERS + "/{id}/heartbeat 409", () -> screenOf(id).post(heartbeat, Map.of()));
        return scenarios;
    }

    private static Map<String, Object> playerRegistration(String id, String name) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", id);
        registration.put("name", name);
        registration.put("location", Map.of("latitude", 48.1374, "longitude", 11.5755));
        registration.put("timeZone", "Europe/Berlin");
        registration.put("resolution", Map.of("width", 1920, "height", 1080));
        registration.put("hardwareProfile", "hd-h264");
        return registration;
    }

    /** A PLAYER key bound to this player id, issued directly. */
    private PlaymarkApi screenOf(String playerId) {
        return new PlaymarkApi(port, apiKeys.issue("screen " + playerId, Set.of(Role.PLAYER), playerId).plainText());
    }

    private static PlaymarkApi.Response createUpload(PlaymarkApi api, long length) {
        return api.send("POST", UPLOADS, null, "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(length));
    }

    /** The path of a new ten-byte upload of {@code owner}'s. */
    private static String uploadOf(PlaymarkApi owner) {
        String location = createUpload(owner, 10).headers().firstValue("Location").orElseThrow();
        return URI.create(location).getPath();
    }

    private static String unknownUpload() {
        return UPLOADS + "/" + UUID.randomUUID().toString().replace("-", "");
    }

    private static PlaymarkApi.Response tus(PlaymarkApi api, String method, String path) {
        return api.send(method, path, null, "Tus-Resumable", "1.0.0");
    }

    private static PlaymarkApi.Response patch(PlaymarkApi api, String path, long offset, int bytes) {
        return api.sendBytes("PATCH", path, new byte[bytes], "Tus-Resumable", "1.0.0",
                "Upload-Offset", String.valueOf(offset), "Content-Type", TUS_BODY);
    }

    /**
     * The answer to a request sent once the caller's rate-limit bucket is used up. The bucket refills continuously
     * (a screen's: one request every half second), so a request that found a refilled token is sent again after the
     * bucket is used up anew, a few times at the most.
     */
    private static PlaymarkApi.Response whenSpent(PlaymarkApi caller,
                                                  java.util.function.Function<PlaymarkApi, PlaymarkApi.Response> request) {
        PlaymarkApi.Response response = null;
        for (int attempt = 0; attempt < 5 && (response == null || response.status() != 429); attempt++) {
            useUp(caller);
            response = request.apply(caller);
        }
        return response;
    }

    private static void useUp(PlaymarkApi caller) {
        for (int i = 0; i < 1_000; i++) {
            if (caller.get("/api/v1/admin/processors").status() == 429) {
                return;
            }
        }
        throw new AssertionError("the caller's quota did not run out within 1,000 requests");
    }

    /** Each operation of the document as "METHOD /path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue())));
        return operations;
    }
}
