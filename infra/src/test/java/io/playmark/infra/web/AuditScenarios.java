package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the audit trail's operations. */
final class AuditScenarios {

    private static final String AUDIT = "/api/v1/audit";

    private AuditScenarios() {
    }

    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi admin, PlaymarkApi manager,
                    PlaymarkApi anonymous, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        String campaign = admin.graphQl("mutation { createCampaign(input: {name: \"Audited\", advertiser: \"Acme\"}) "
                + "{ id } }").get("data").get("createCampaign").get("id").asString();
        String unknown = AUDIT + "/campaign/" + UUID.randomUUID();
        String aggregate = AUDIT + "/campaign/" + campaign;
        Map<String, String[]> operations = Map.of(
                "/events", new String[]{"?first=10", "?first=0"},
                "/state", new String[]{"?at=0", "?at=yesterday"},
                "/diff", new String[]{"?from=0&to=" + Instant.now().plusSeconds(60), "?from=0"});
        operations.forEach((operation, queries) -> {
            String template = "GET " + AUDIT + "/{aggregateType}/{aggregateId}" + operation;
            String good = aggregate + operation + queries[0];
            scenarios.put(template + " 200", () -> admin.get(good));
            scenarios.put(template + " 400", () -> admin.get(aggregate + operation + queries[1]));
            scenarios.put(template + " 401", () -> anonymous.get(good));
            scenarios.put(template + " 403", () -> manager.get(good));
            scenarios.put(template + " 404", () -> admin.get(unknown + operation + queries[0]));
            scenarios.put(template + " 429", () -> whenSpent.apply(screen, api -> api.get(good)));
        });

        String player = UUID.randomUUID().toString();
        manager.post("/api/v1/players", Map.of("id", player, "name", "Audited screen",
                "location", Map.of("latitude", 48.1374, "longitude", 11.5755), "timeZone", "Europe/Berlin",
                "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264"));
        String past = AUDIT + "/players/" + player + "/playlist?at=" + Instant.now().plusSeconds(60);
        String screenPast = "GET " + AUDIT + "/players/{playerId}/playlist";
        scenarios.put(screenPast + " 200", () -> admin.get(past));
        scenarios.put(screenPast + " 400", () -> admin.get(AUDIT + "/players/" + player + "/playlist?at=1"));
        scenarios.put(screenPast + " 401", () -> anonymous.get(past));
        scenarios.put(screenPast + " 403", () -> manager.get(past));
        scenarios.put(screenPast + " 404", () -> admin.get(AUDIT + "/players/" + UUID.randomUUID() + "/playlist?at="
                + Instant.now()));
        scenarios.put(screenPast + " 429", () -> whenSpent.apply(screen, api -> api.get(past)));

        String queries = AUDIT + "/queries";
        scenarios.put("GET " + queries + " 200", () -> admin.get(queries));
        scenarios.put("GET " + queries + " 400", () -> admin.get(queries + "?first=0"));
        scenarios.put("GET " + queries + " 401", () -> anonymous.get(queries));
        scenarios.put("GET " + queries + " 403", () -> manager.get(queries));
        scenarios.put("GET " + queries + " 429", () -> whenSpent.apply(screen, api -> api.get(queries)));
    }
}
