package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the collection operations. */
final class AssetCollectionScenarios {

    private static final String COLLECTIONS = "/api/v1/asset-collections";
    private static final String JSON = "application/json";

    private AssetCollectionScenarios() {
    }

    /** @param player a PLAYER key, which may not read collections; screen's quota the 429s spend */
    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi admin, PlaymarkApi manager,
                    PlaymarkApi anonymous, PlaymarkApi analyst, PlaymarkApi player, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        String id = UUID.randomUUID().toString();
        String one = COLLECTIONS + "/" + id;
        String unknown = COLLECTIONS + "/" + UUID.randomUUID();
        Map<String, Object> create = Map.of("id", id, "name", "Documented");
        String tooLarge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";

        scenarios.put("POST " + COLLECTIONS + " 201", () -> manager.post(COLLECTIONS, create));
        scenarios.put("POST " + COLLECTIONS + " 400", () -> manager.post(COLLECTIONS, Map.of("name", " ")));
        scenarios.put("POST " + COLLECTIONS + " 401", () -> anonymous.post(COLLECTIONS, create));
        scenarios.put("POST " + COLLECTIONS + " 403", () -> analyst.post(COLLECTIONS, create));
        scenarios.put("POST " + COLLECTIONS + " 409",
                () -> admin.post(COLLECTIONS, Map.of("id", id, "name", "Another name")));
        scenarios.put("POST " + COLLECTIONS + " 413", () -> admin.send("POST", COLLECTIONS, tooLarge,
                "Content-Type", JSON));
        scenarios.put("POST " + COLLECTIONS + " 415", () -> admin.send("POST", COLLECTIONS, "name=x",
                "Content-Type", "text/plain"));
        scenarios.put("POST " + COLLECTIONS + " 429", () -> whenSpent.apply(screen, api -> api.post(COLLECTIONS,
                create)));

        scenarios.put("GET " + COLLECTIONS + " 200", () -> analyst.get(COLLECTIONS));
        scenarios.put("GET " + COLLECTIONS + " 400", () -> analyst.get(COLLECTIONS + "?first=0"));
        scenarios.put("GET " + COLLECTIONS + " 401", () -> anonymous.get(COLLECTIONS));
        scenarios.put("GET " + COLLECTIONS + " 403", () -> player.get(COLLECTIONS));
        scenarios.put("GET " + COLLECTIONS + " 429", () -> whenSpent.apply(screen, api -> api.get(COLLECTIONS)));

        for (String suffix : new String[]{"", "/assets"}) {
            String template = "GET " + COLLECTIONS + "/{id}" + suffix;
            scenarios.put(template + " 200", () -> analyst.get(one + suffix));
            scenarios.put(template + " 400", () -> analyst.get(COLLECTIONS + "/not-a-uuid" + suffix));
            scenarios.put(template + " 401", () -> anonymous.get(one + suffix));
            scenarios.put(template + " 403", () -> player.get(one + suffix));
            scenarios.put(template + " 404", () -> analyst.get(unknown + suffix));
            scenarios.put(template + " 429", () -> whenSpent.apply(screen, api -> api.get(one + suffix)));
        }

        String rename = "{\"name\": \"Documented again\"}";
        String patch = "PATCH " + COLLECTIONS + "/{id}";
        scenarios.put(patch + " 200", () -> manager.send("PATCH", one, rename, "Content-Type", JSON));
        scenarios.put(patch + " 400", () -> manager.send("PATCH", one, "{\"name\": \"\"}", "Content-Type", JSON));
        scenarios.put(patch + " 401", () -> anonymous.send("PATCH", one, rename, "Content-Type", JSON));
        scenarios.put(patch + " 403", () -> analyst.send("PATCH", one, rename, "Content-Type", JSON));
        scenarios.put(patch + " 404", () -> manager.send("PATCH", unknown, rename, "Content-Type", JSON));
        scenarios.put(patch + " 413", () -> manager.send("PATCH", one, tooLarge, "Content-Type", JSON));
        scenarios.put(patch + " 415", () -> manager.send("PATCH", one, "name=x", "Content-Type", "text/plain"));
        scenarios.put(patch + " 429", () -> whenSpent.apply(screen, api -> api.send("PATCH", one, rename,
                "Content-Type", JSON)));

        String delete = "DELETE " + COLLECTIONS + "/{id}";
        scenarios.put(delete + " 400", () -> manager.delete(COLLECTIONS + "/not-a-uuid"));
        scenarios.put(delete + " 401", () -> anonymous.delete(one));
        scenarios.put(delete + " 403", () -> analyst.delete(one));
        scenarios.put(delete + " 404", () -> manager.delete(unknown));
        scenarios.put(delete + " 429", () -> whenSpent.apply(screen, api -> api.delete(one)));
        scenarios.put(delete + " 204", () -> manager.delete(one));
        // renaming a deleted collection
        scenarios.put(patch + " 409", () -> manager.send("PATCH", one, rename, "Content-Type", JSON));
    }
}
