package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.TestScreens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the play upload. */
final class PlayUploadScenarios {

    private static final String PLAYS = TestScreens.PLAYERS + "/{playerId}/plays";

    private PlayUploadScenarios() {
    }

    /**
     * @param notAPlayer a PLAYER key bound to "player-1", which is no player id, with its quota unspent
     * @param screen     a PLAYER key whose quota the scenarios use up
     */
    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, PlaymarkApi admin, PlaymarkApi anonymous,
                    PlaymarkApi notAPlayer, PlaymarkApi screen, int port,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        TestScreens.Screen own = TestScreens.register(admin, port, "Documented plays " + UUID.randomUUID(),
                "Europe/Berlin", 52.52, 13.41, List.of());
        Map<String, Object> plays = Map.of("plays", List.of(TestScreens.play(UUID.randomUUID().toString(), null,
                Instant.now().minusSeconds(60), 10_000, "COMPLETED")));
        String path = own.plays();
        scenarios.put("POST " + PLAYS + " 200", () -> own.api().post(path, plays));
        scenarios.put("POST " + PLAYS + " 400", () -> notAPlayer.post(TestScreens.PLAYERS + "/player-1/plays", plays));
        scenarios.put("POST " + PLAYS + " 401", () -> anonymous.post(path, plays));
        scenarios.put("POST " + PLAYS + " 403", () -> admin.post(path, plays));
        scenarios.put("POST " + PLAYS + " 413", () -> own.api().send("POST", path,
                "{\"plays\": [], \"padding\": \"" + " ".repeat(1100 * 1024) + "\"}", "Content-Type",
                "application/json"));
        scenarios.put("POST " + PLAYS + " 415", () -> own.api().send("POST", path, "plays=x",
                "Content-Type", "text/plain"));
        scenarios.put("POST " + PLAYS + " 429", () -> whenSpent.apply(screen,
                api -> api.post(TestScreens.PLAYERS + "/player-1/plays", plays)));
    }
}
