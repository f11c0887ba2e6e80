package io.playmark.infra.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Screens registered over REST, with their own keys, and the plays they upload. */
public final class TestScreens {

    public static final String PLAYERS = "/api/v1/players";

    private TestScreens() {
    }

    /** A registered screen: its id, its own key and a client sending it. */
    public record Screen(String id, String apiKey, PlaymarkApi api) {

        /** The same screen talking to another running Playmark (after a restart). */
        public Screen on(org.springframework.context.ApplicationContext playmark) {
            return new Screen(id, apiKey, PlaymarkApi.of(playmark, apiKey));
        }

        public String plays() {
            return PLAYERS + "/" + id + "/plays";
        }

        public PlaymarkApi.Response upload(List<Map<String, Object>> plays) {
            return api.post(plays(), Map.of("plays", plays));
        }
    }

    /** Registers a screen at that place with the manager's (or admin's) client. */
    public static Screen register(PlaymarkApi manager, int port, String name, String zone, double latitude,
                                  double longitude, List<String> tags) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", id);
        registration.put("name", name);
        registration.put("location", Map.of("latitude", latitude, "longitude", longitude));
        registration.put("timeZone", zone);
        registration.put("tags", tags);
        registration.put("resolution", Map.of("width", 1920, "height", 1080));
        registration.put("hardwareProfile", "hd-h264");
        PlaymarkApi.Response registered = manager.post(PLAYERS, registration);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String key = registered.body().get("apiKey").asString();
        return new Screen(id, key, new PlaymarkApi(port, key));
    }

    /** A play as a screen reports it, with a new play id; {@code campaignId} may be null. */
    public static Map<String, Object> play(String assetId, String campaignId, Instant startedAt, long durationMs,
                                           String outcome) {
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("playId", UUID.randomUUID().toString());
        play.put("assetId", assetId);
        if (campaignId != null) {
            play.put("campaignId", campaignId);
        }
        play.put("startedAt", startedAt.atOffset(ZoneOffset.ofHours(1)).toString());
        play.put("durationMs", durationMs);
        play.put("plannedDurationMs", 15_000);
        play.put("outcome", outcome);
        return play;
    }

    public static byte[] gzip(String text) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new GZIPOutputStream(bytes)) {
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
