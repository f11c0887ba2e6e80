package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.TestCampaigns;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How ApiDocumentIT provokes each documented answer of dead letters, verification and audit search. The parked event
 * comes from the test application's dead-letter probe, which cannot handle a rename to "Poisoned…".
 */
final class AuditIntegrityScenarios {

    private static final String LETTERS = "/api/v1/admin/dead-letters";
    private static final String VERIFY = "/api/v1/audit/verify";
    private static final String VERIFICATIONS = "/api/v1/audit/verifications";
    private static final String SEARCH = "/api/v1/audit/search";
    private static final String EXPORT = SEARCH + "/export.csv";

    private AuditIntegrityScenarios() {
    }

    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi admin, PlaymarkApi manager,
                    PlaymarkApi anonymous, PlaymarkApi auditor, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        String campaign = TestCampaigns.create(admin, "Documented dead letter");
        TestCampaigns.rename(admin, campaign, "Poisoned for the document");
        Supplier<String> letter = () -> parked(admin, campaign);
        String unknownLetter = LETTERS + "/bm90LWEtbGV0dGVy";

        scenarios.put("GET " + LETTERS + " 200", () -> admin.get(LETTERS));
        scenarios.put("GET " + LETTERS + " 401", () -> anonymous.get(LETTERS));
        scenarios.put("GET " + LETTERS + " 403", () -> manager.get(LETTERS));
        scenarios.put("GET " + LETTERS + "/{id} 200", () -> admin.get(LETTERS + "/" + letter.get()));
        scenarios.put("GET " + LETTERS + "/{id} 401", () -> anonymous.get(unknownLetter));
        scenarios.put("GET " + LETTERS + "/{id} 403", () -> manager.get(unknownLetter));
        scenarios.put("GET " + LETTERS + "/{id} 404", () -> admin.get(unknownLetter));
        scenarios.put("POST " + LETTERS + "/{id}/retry 200",
                () -> admin.post(LETTERS + "/" + letter.get() + "/retry", Map.of()));
        scenarios.put("POST " + LETTERS + "/{id}/retry 401", () -> anonymous.post(unknownLetter + "/retry", Map.of()));
        scenarios.put("POST " + LETTERS + "/{id}/retry 403", () -> manager.post(unknownLetter + "/retry", Map.of()));
        scenarios.put("POST " + LETTERS + "/{id}/retry 404", () -> admin.post(unknownLetter + "/retry", Map.of()));
        scenarios.put("DELETE " + LETTERS + "/{id} 204", () -> admin.delete(LETTERS + "/" + letter.get()));
        scenarios.put("DELETE " + LETTERS + "/{id} 401", () -> anonymous.delete(unknownLetter));
        scenarios.put("DELETE " + LETTERS + "/{id} 403", () -> manager.delete(unknownLetter));
        scenarios.put("DELETE " + LETTERS + "/{id} 404", () -> admin.delete(unknownLetter));

        String oneAggregate = VERIFY + "?aggregateType=Campaign&aggregateId=" + campaign;
        scenarios.put("GET " + VERIFY + " 202", () -> auditor.get(oneAggregate));
        scenarios.put("GET " + VERIFY + " 400", () -> auditor.get(VERIFY + "?aggregateId=" + campaign));
        scenarios.put("GET " + VERIFY + " 401", () -> anonymous.get(oneAggregate));
        scenarios.put("GET " + VERIFY + " 403", () -> manager.get(oneAggregate));
        scenarios.put("GET " + VERIFY + " 404", () -> auditor.get(VERIFY + "?aggregateType=Campaign&aggregateId=none"));
        Supplier<String> verification = () -> VERIFICATIONS + "/"
                + admin.get(oneAggregate).body().get("id").asString();
        scenarios.put("GET " + VERIFICATIONS + "/{id} 200", () -> auditor.get(verification.get()));
        scenarios.put("GET " + VERIFICATIONS + "/{id} 401", () -> anonymous.get(VERIFICATIONS + "/unknown"));
        scenarios.put("GET " + VERIFICATIONS + "/{id} 403", () -> manager.get(VERIFICATIONS + "/unknown"));
        scenarios.put("GET " + VERIFICATIONS + "/{id} 404", () -> auditor.get(VERIFICATIONS + "/unknown"));

        // limits come before roles: a spent screen key is refused everywhere
        scenarios.put("GET " + LETTERS + " 429", () -> whenSpent.apply(screen, api -> api.get(LETTERS)));
        scenarios.put("GET " + LETTERS + "/{id} 429", () -> whenSpent.apply(screen, api -> api.get(unknownLetter)));
        scenarios.put("POST " + LETTERS + "/{id}/retry 429",
                () -> whenSpent.apply(screen, api -> api.post(unknownLetter + "/retry", Map.of())));
        scenarios.put("DELETE " + LETTERS + "/{id} 429",
                () -> whenSpent.apply(screen, api -> api.delete(unknownLetter)));
        scenarios.put("GET " + VERIFY + " 429", () -> whenSpent.apply(screen, api -> api.get(VERIFY)));
        scenarios.put("GET " + VERIFICATIONS + "/{id} 429",
                () -> whenSpent.apply(screen, api -> api.get(VERIFICATIONS + "/unknown")));
        for (String path : new String[]{SEARCH, EXPORT}) {
            scenarios.put("GET " + path + " 429", () -> whenSpent.apply(screen, api -> api.get(path)));
            scenarios.put("GET " + path + " 200", () -> auditor.get(path + "?aggregateId=" + campaign));
            scenarios.put("GET " + path + " 400", () -> auditor.get(path + "?from=yesterday"));
            scenarios.put("GET " + path + " 401", () -> anonymous.get(path));
            scenarios.put("GET " + path + " 403", () -> manager.get(path));
        }
    }

    /** The id of the campaign's parked rename, once the probe has parked it. */
    private static String parked(PlaymarkApi admin, String campaign) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var found = admin.get(LETTERS).body().valueStream()
                    .filter(letter -> campaign.equals(letter.get("sequence").asString())).findFirst();
            if (found.isPresent()) {
                return found.get().get("id").asString();
            }
            sleepBriefly();
        }
        throw new AssertionError("The probe parked no event of " + campaign);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the probe", e);
        }
    }
}
