package io.playmark.infra.web;

import io.playmark.infra.support.PlaymarkApi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** How ApiDocumentIT provokes each documented answer of the playlist, change stream and explain operations. */
final class PlaylistScenarios {

    private static final String PLAYERS = "/api/v1/players";

    private PlaylistScenarios() {
    }

    static void add(Map<String, Supplier<PlaymarkApi.Response>> scenarios, int port, PlaymarkApi manager,
                    PlaymarkApi anonymous, PlaymarkApi analyst, PlaymarkApi screen,
                    BiFunction<PlaymarkApi, Function<PlaymarkApi, PlaymarkApi.Response>, PlaymarkApi.Response> whenSpent) {
        String id = UUID.randomUUID().toString();
        PlaymarkApi.Response registered = manager.post(PLAYERS, Map.of("id", id, "name", "Documented playlist",
                "location", Map.of("latitude", 48.1374, "longitude", 11.5755), "timeZone", "Europe/Berlin",
                "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264"));
        String key = registered.body().get("apiKey").asString();
        PlaymarkApi own = manager.withKey(key);
        String unknown = PLAYERS + "/" + UUID.randomUUID();
        String campaign = manager.graphQl("mutation { createCampaign(input: {name: \"Explained\", advertiser: "
                + "\"Acme\"}) { id } }").get("data").get("createCampaign").get("id").asString();

        String playlist = PLAYERS + "/" + id + "/playlist";
        String template = "GET " + PLAYERS + "/{id}/playlist";
        scenarios.put(template + " 200", () -> own.get(playlist));
        scenarios.put(template + " 304", () -> own.send("GET", playlist, null, "If-None-Match",
                own.get(playlist).headers().firstValue("ETag").orElseThrow()));
        scenarios.put(template + " 400", () -> own.get(playlist + "?from=yesterday"));
        scenarios.put(template + " 401", () -> anonymous.get(playlist));
        scenarios.put(template + " 403", () -> analyst.get(playlist));
        scenarios.put(template + " 404", () -> manager.get(unknown + "/playlist"));
        scenarios.put(template + " 429", () -> whenSpent.apply(screen, api -> api.get(PLAYERS + "/player-1/playlist")));

        String changes = playlist + "/changes";
        String stream = "GET " + PLAYERS + "/{id}/playlist/changes";
        scenarios.put(stream + " 200", () -> opened(port, key, changes));
        scenarios.put(stream + " 400", () -> manager.get(PLAYERS + "/not-a-uuid/playlist/changes"));
        scenarios.put(stream + " 401", () -> anonymous.get(changes));
        scenarios.put(stream + " 403", () -> analyst.get(changes));
        scenarios.put(stream + " 404", () -> manager.get(unknown + "/playlist/changes"));
        scenarios.put(stream + " 429", () -> whenSpent.apply(screen,
                api -> api.get(PLAYERS + "/player-1/playlist/changes")));

        String explain = PLAYERS + "/" + id + "/explain?campaignId=" + campaign + "&at=2026-12-03T21:30:00Z";
        String why = "GET " + PLAYERS + "/{id}/explain";
        scenarios.put(why + " 200", () -> analyst.get(explain));
        scenarios.put(why + " 400", () -> analyst.get(PLAYERS + "/" + id + "/explain?campaignId=" + campaign
                + "&at=soon"));
        scenarios.put(why + " 401", () -> anonymous.get(explain));
        scenarios.put(why + " 403", () -> own.get(explain));
        scenarios.put(why + " 404", () -> analyst.get(PLAYERS + "/" + id + "/explain?campaignId="
                + UUID.randomUUID() + "&at=2026-12-03T21:30:00Z"));
        scenarios.put(why + " 429", () -> whenSpent.apply(screen, api -> api.get(PLAYERS + "/player-1/explain"
                + "?campaignId=" + campaign + "&at=2026-12-03T21:30:00Z")));
    }

    /** A stream does not end: its status and headers are read, then it is closed. */
    private static PlaymarkApi.Response opened(int port, String key, String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + port + path)).header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new PlaymarkApi.Response(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse(null), null, "", response.headers());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
