package io.playmark.infra.decisioning.benchmark;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.BenchmarkProgram;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.MediaKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Playlist resolution, as issue 11 measures it: one Playmark in this process on the embedded servers (memory
 * backend), a player targeted by 50 campaigns with a loop of content and ad slots all day, and its 24-hour playlist
 * asked for over loopback. Uncached: each request a new window, one at a time, for latency. Cached: the same window
 * from several client threads, for latency and rate, beside the rate at which the same server answers a fixed JSON
 * document of exactly the same bytes (the limit). Every request asks for gzip, as players do; the fixed document is
 * the same compressed bytes. Repeated with 100, 1,000 and 10,000 players registered. Prints
 * the figures and PASS or FAIL against the targets. A program, not a test.
 */
public final class PlaylistBenchmark {

    private static final String ADMIN_KEY = "pmk_playlist-benchmark-admin-key-0123456789";
    private static final String TAG = "bench-target";
    private static final int CAMPAIGNS = 50;
    private static final int THREADS = 4;
    private static final Duration TURN = Duration.ofSeconds(8);
    private static final int UNCACHED_REQUESTS = 200;
    private static final String FIXED = "/benchmark/fixed-document";

    private PlaylistBenchmark() {
    }

    private record Figures(int players, int jsonBytes, int bytes, double uncachedP50, double uncachedP99, double cachedP99,
                           double cachedRate, double fixedRate, double availabilityMillis) {
        boolean passed() {
            return uncachedP99 <= 20 && cachedP99 <= 2 && cachedRate >= 2000 && cachedRate >= 0.5 * fixedRate
                    && (players < 1_000 || availabilityMillis <= 2_000);
        }
    }

    public static void main(String[] args) {
        BenchmarkProgram.main("Playlist benchmark", args, PlaylistBenchmark::run);
    }

    private static boolean run(String[] args) throws Exception {
        int[] steps = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{100, 1_000, 10_000};
        Path dataDir = Files.createTempDirectory("playmark-playlist-benchmark-");
        AtomicReference<byte[]> fixed = new AtomicReference<>(new byte[0]);
        List<Figures> figures = new ArrayList<>();
        try (ConfigurableApplicationContext playmark = start(dataDir, fixed)) {
            int port = ((WebServerApplicationContext) playmark).getWebServer().getPort();
            PlaymarkApi api = new PlaymarkApi(port, ADMIN_KEY);
            List<String> targets = fixture(playmark, api);
            int registered = targets.size();
            for (int step : steps) {
                registered += registerFillers(api, step - registered);
                figures.add(measure(port, targets, registered, fixed, api));
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.out.printf("%n%8s %10s %10s %12s %12s %12s %14s %14s %8s %14s%n", "players", "JSON", "gzip",
                "uncached p50", "uncached p99", "cached p99", "cached /s", "fixed JSON /s", "ratio", "availability");
        for (Figures f : figures) {
            System.out.printf("%,8d %,10d %,10d %9.1f ms %9.1f ms %9.2f ms %,14.0f %,14.0f %7.0f %% %,11.0f ms%n",
                    f.players(), f.jsonBytes(), f.bytes(),
                    f.uncachedP50(), f.uncachedP99(), f.cachedP99(), f.cachedRate(), f.fixedRate(),
                    100 * f.cachedRate() / f.fixedRate(), f.availabilityMillis());
        }
        System.out.println("Targets: uncached p99 <= 20 ms, cached p99 <= 2 ms, >= 2,000 cached resolutions/s, "
                + "cached >= 50 % of the fixed document's rate; availability over every player (from 1,000) and "
                + "30 days <= 2 s");
        boolean passed = figures.stream().allMatch(Figures::passed);
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    private static ConfigurableApplicationContext start(Path dataDir, AtomicReference<byte[]> fixed) {
        System.out.println("Starting Playmark (embedded servers, memory backend) ...");
        RouterFunction<ServerResponse> fixedDocument = RouterFunctions.route().GET(FIXED, request ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header("Content-Encoding", "gzip")
                        .body(fixed.get())).build();
        return new SpringApplicationBuilder(PlaymarkApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("fixedDocument",
                        RouterFunction.class, () -> fixedDocument))
                .run("--server.port=0", "--server.address=127.0.0.1", "--playmark.data-dir=" + dataDir,
                        "--playmark.mongodb.embedded.backend=memory", "--playmark.security.admin-api-key=" + ADMIN_KEY,
                        "--playmark.jobs.dashboard.enabled=false", "--jobrunr.background-job-server.enabled=false",
                        "--playmark.limits.rate.roles.ADMIN.capacity=1000000000", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    /** Twenty target players, one loop all day on them, and 50 campaigns of mixed tiers and caps targeting them. */
    private static List<String> fixture(ConfigurableApplicationContext playmark, PlaymarkApi api) {
        System.out.println("Building the fixture: 20 target players, a playlist, " + CAMPAIGNS + " campaigns ...");
        TestAssets assets = TestAssets.of(playmark);
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contents.add(assets.approved("Content " + i, "/benchmark", MediaKind.IMAGE).value());
        }
        List<String> creatives = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            creatives.add(assets.approved("Creative " + i, "/benchmark", MediaKind.IMAGE).value());
        }
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            targets.add(register(api, "Target " + i, Set.of(TAG)));
        }
        // a five-minute loop: four 60 s items and two 30 s ad slots
        String playlist = data(api.graphQl("mutation($input: PlaylistInput!) { createPlaylist(input: $input) { id } }",
                "input", Map.of("name", "Benchmark loop", "items", contents.stream()
                        .map(id -> Map.of("assetId", id, "durationMillis", 60_000)).toList(),
                        "adSlots", Map.of("count", 2, "lengthSeconds", 30))), "createPlaylist").get("id").asString();
        data(api.graphQl("mutation($input: ScheduleEntryInput!) { createScheduleEntry(input: $input) { id } }",
                "input", Map.of("playlistId", playlist, "players", targets, "priority", 1, "recurrence", Map.of(
                        "start", java.time.LocalDate.now(ZoneOffset.UTC) + "T00:00", "durationMinutes", 1440,
                        "rrule", "FREQ=DAILY"))), "createScheduleEntry");
        Instant flightStart = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < CAMPAIGNS; i++) {
            book(api, i, creatives.get(i % creatives.size()), flightStart);
        }
        return targets;
    }

    private static void book(PlaymarkApi api, int i, String creative, Instant flightStart) {
        String id = data(api.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }",
                "input", Map.of("name", "Campaign " + i, "advertiser", "Advertiser " + i % 7)), "createCampaign")
                .get("id").asString();
        String tier = i < 5 ? "SPONSORSHIP" : i < 45 ? "STANDARD" : "HOUSE";
        List<Map<String, Object>> dayparts = i % 3 == 0 ? List.of() : List.of(Map.of("days", List.of("MONDAY",
                "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"), "from", "%02d:00".formatted(6 + i % 10),
                "to", "%02d:00".formatted(14 + i % 10)));
        JsonNodeCheck.ok(api.graphQl("mutation($id: ID!, $flight: FlightInput!, $targeting: TargetingInput!, "
                        + "$creatives: [CreativeInput!]!, $dayparts: [DaypartInput!]!, $tier: PriorityTier!) { "
                        + "a: setCampaignFlight(id: $id, flight: $flight) { id } "
                        + "b: setCampaignTargeting(id: $id, targeting: $targeting) { id } "
                        + "c: setCampaignCreatives(id: $id, creatives: $creatives) { id } "
                        + "d: setCampaignDayparts(id: $id, dayparts: $dayparts) { id } "
                        + "e: setCampaignCaps(id: $id, caps: {maxPlaysPerHour: " + (2 + i % 5) + "}) { id } "
                        + "f: setCampaignPriority(id: $id, tier: $tier, preemptible: true) { id } "
                        + "g: bookCampaign(id: $id) { status } }",
                "id", id, "flight", Map.of("start", flightStart.toString(),
                        "end", flightStart.plus(Duration.ofDays(30)).toString()),
                "targeting", Map.of("tags", List.of(TAG)), "creatives", List.of(Map.of("assetId", creative,
                        "orientation", "LANDSCAPE", "weight", 1)), "dayparts", dayparts, "tier", tier));
    }

    private static int registerFillers(PlaymarkApi api, int count) throws Exception {
        if (count <= 0) {
            return 0;
        }
        System.out.printf("Registering %,d more players ...%n", count);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> register(api, "Filler " + n, Set.of("bench-filler-" + n % 50))));
            }
            for (Future<String> registered : done) {
                registered.get();
            }
        }
        return count;
    }

    private static String register(PlaymarkApi api, String name, Set<String> tags) {
        String id = UUID.randomUUID().toString();
        PlaymarkApi.Response registered = api.post("/api/v1/players", Map.of("id", id, "name", name,
                "location", Map.of("latitude", 52.52, "longitude", 13.405), "timeZone", "Europe/Berlin",
                "tags", tags, "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264",
                "loopLengthSeconds", 300));
        if (registered.status() != 201 && registered.status() != 200) {
            throw new IllegalStateException("registering a player failed: " + registered.text());
        }
        return id;
    }

    private static Figures measure(int port, List<String> targets, int players, AtomicReference<byte[]> fixed,
                                   PlaymarkApi api) throws Exception {
        System.out.printf("Measuring with %,d players ...%n", players);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        // warm up the resolution path, unrecorded
        for (int i = 0; i < 200; i++) {
            get(client, playlistUri(port, targets.get(i % targets.size()), tomorrow.plus(Duration.ofMinutes(i + 3000))));
        }
        double[] uncached = new double[UNCACHED_REQUESTS];
        for (int i = 0; i < UNCACHED_REQUESTS; i++) {
            URI fresh = playlistUri(port, targets.get(i % targets.size()), tomorrow.plus(Duration.ofMinutes(
                    players + i)));
            long started = System.nanoTime();
            get(client, fresh);
            uncached[i] = (System.nanoTime() - started) / 1e6;
        }
        URI cachedUri = playlistUri(port, targets.getFirst(), tomorrow);
        byte[] document = get(client, cachedUri);
        fixed.set(document);
        int jsonBytes;
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(document))) {
            jsonBytes = unzipped.readAllBytes().length;
        }
        Turn cached = turn(cachedUri);
        Turn fixedTurn = turn(URI.create("http://127.0.0.1:" + port + FIXED));
        Arrays.sort(uncached);
        return new Figures(players, jsonBytes, document.length, percentile(uncached, 0.50), percentile(uncached, 0.99),
                percentile(cached.latencies(), 0.99), cached.rate(), fixedTurn.rate(), availability(api));
    }

    /** The availability of a campaign proposed for every player (all their tags) over 30 days, in milliseconds. */
    private static double availability(PlaymarkApi api) {
        List<String> everyTag = new ArrayList<>(List.of(TAG));
        for (int i = 0; i < 50; i++) {
            everyTag.add("bench-filler-" + i);
        }
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);
        long started = System.nanoTime();
        JsonNodeCheck.ok(api.graphQl("query($input: CampaignAvailabilityInput!) { campaignAvailability(input: $input) "
                + "{ totalPlays shortfallCount } }", "input", Map.of("targeting", Map.of("tags", everyTag),
                "flight", Map.of("start", start.toString(), "end", start.plus(Duration.ofDays(30)).toString()),
                "goal", Map.of("kind", "PLAYS", "target", 100_000))));
        return (System.nanoTime() - started) / 1e6;
    }

    private record Turn(double rate, double[] latencies) {
    }

    /** Client threads ask back to back for the turn's length; every answer must be a 200 with the full body. */
    private static Turn turn(URI uri) throws Exception {
        long deadline = System.nanoTime() + TURN.toNanos();
        List<Future<List<Double>>> threads = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    List<Double> latencies = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        get(client, uri);
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    return latencies;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> thread : threads) {
                all.addAll(thread.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Turn(sorted.length / seconds, sorted);
        }
    }

    private static URI playlistUri(int port, String player, Instant from) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/players/" + player + "/playlist?from=" + from
                + "&to=" + from.plus(Duration.ofHours(24)));
    }

    private static byte[] get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).header("X-Api-Key", ADMIN_KEY)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return response.body();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static tools.jackson.databind.JsonNode data(tools.jackson.databind.JsonNode response, String field) {
        JsonNodeCheck.ok(response);
        return response.get("data").get(field);
    }

    /** GraphQL answers errors with a 200: a fixture step that failed stops the benchmark. */
    private static final class JsonNodeCheck {
        static void ok(tools.jackson.databind.JsonNode response) {
            if (response.get("errors") != null) {
                throw new IllegalStateException("fixture step failed: " + response.get("errors"));
            }
        }
    }
}
