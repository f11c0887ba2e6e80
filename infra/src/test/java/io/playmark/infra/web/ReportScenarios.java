package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the report operations. */
final class ReportScenarios {

    private static final String REPORTS = "/api/v1/reports";
    private static final String RUNS = "/api/v1/report-runs";

    private ReportScenarios() {
    }

    /**
     * @param auditor reads runs but does not run reports
     * @param player  a PLAYER key with its quota unspent
     * @param screen  a PLAYER key whose quota the scenarios use up
     */
    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi analyst, PlaymarkApi auditor,
                    PlaymarkApi anonymous, PlaymarkApi player, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        String report = analyst.graphQl("mutation($input: ReportInput!) { defineReport(input: $input) { id } }",
                "input", Map.of("name", "Documented report", "type", "ASSET_USAGE", "formats", List.of("CSV"),
                        "range", Map.of("kind", "LAST_DAYS", "days", 1))).get("data").get("defineReport").get("id")
                .asString();
        String unknown = UUID.randomUUID().toString();
        String runs = REPORTS + "/" + report + "/runs";
        String run = "POST " + REPORTS + "/{reportId}/runs";
        scenarios.put(run + " 202", () -> analyst.post(runs, Map.of()));
        scenarios.put(run + " 401", () -> anonymous.post(runs, Map.of()));
        scenarios.put(run + " 403", () -> auditor.post(runs, Map.of()));
        scenarios.put(run + " 404", () -> analyst.post(REPORTS + "/" + unknown + "/runs", Map.of()));
        scenarios.put(run + " 429", () -> whenSpent.apply(screen, api -> api.post(runs, Map.of())));

        String runId = analyst.post(runs, Map.of()).body().get("id").asString();
        String follow = "GET " + RUNS + "/{runId}";
        scenarios.put(follow + " 200", () -> analyst.get(RUNS + "/" + runId));
        scenarios.put(follow + " 401", () -> anonymous.get(RUNS + "/" + runId));
        scenarios.put(follow + " 403", () -> player.get(RUNS + "/" + runId));
        scenarios.put(follow + " 404", () -> analyst.get(RUNS + "/" + unknown));
        scenarios.put(follow + " 429", () -> whenSpent.apply(screen, api -> api.get(RUNS + "/" + runId)));

        String download = "GET " + RUNS + "/{runId}/files/{name}";
        scenarios.put(download + " 200", () -> analyst.get(RUNS + "/" + runId + "/files/" + csvOf(analyst, runId)));
        scenarios.put(download + " 401", () -> anonymous.get(RUNS + "/" + runId + "/files/x.csv"));
        scenarios.put(download + " 403", () -> player.get(RUNS + "/" + runId + "/files/x.csv"));
        scenarios.put(download + " 404", () -> analyst.get(RUNS + "/" + runId + "/files/not-made.csv"));
        scenarios.put(download + " 429", () -> whenSpent.apply(screen, api -> api.get(RUNS + "/" + runId
                + "/files/x.csv")));
    }

    /** The run's CSV, once it has succeeded. */
    private static String csvOf(PlaymarkApi analyst, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            PlaymarkApi.Response run = analyst.get(RUNS + "/" + runId);
            if (run.body().get("status").asString().equals("SUCCEEDED")) {
                return run.body().get("files").get(0).get("name").asString();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not succeed");
    }
}
