package io.playmark.infra.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.NamedValue;
import io.playmark.infra.PlaymarkApplication;
import io.playmark.kernel.report.Dimension;
import io.playmark.kernel.report.Metric;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.kernel.report.ReportFilters;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ReportType;
import io.playmark.kernel.report.TimeBasis;
import io.playmark.kernel.report.TimeGrouping;
import io.playmark.kernel.report.TimeRange;
import io.playmark.query.report.ReportColumn;
import io.playmark.query.report.ReportData;
import io.playmark.query.report.ReportProgress;
import io.playmark.query.report.ReportSink;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Report generation as issue 14 measures it, on one Playmark in this process (embedded servers, memory backend):
 * N plays over 30 days from 1,000 players for 200 campaigns, indexed straight into the plays indices; then a
 * campaign × day report through the report engine against the bare Elasticsearch aggregation of the same grouping,
 * alternately, in the same minute; the raw play log of all N plays as CSV (rows/s, heap sampled every 50 ms); a
 * PDF with charts over them. Prints the figures and PASS or FAIL against the targets. A program, not a test.
 */
public final class ReportBenchmark {

    private static final int PLAYERS = 1_000;
    private static final int CAMPAIGNS = 200;
    private static final int DAYS = 30;
    private static final int BULK = 5_000;
    private static final String ADMIN_KEY = "pmk_report-benchmark-admin-key-0123456789";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args) ? 0 : 1);
        } catch (Exception | Error failed) {
            // the embedded servers leave threads behind that would keep the JVM from ending
            failed.printStackTrace();
            System.exit(2);
        }
    }

    private static boolean run(String[] args) throws Exception {
        int plays = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dataDir = Files.createTempDirectory("playmark-report-bench-");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("Report benchmark, %s: %d cores, max heap %,d MB, Java %s, %,d plays%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), plays);
        ConfigurableApplicationContext playmark = new SpringApplicationBuilder(PlaymarkApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--playmark.data-dir=" + dataDir,
                        "--playmark.mongodb.embedded.backend=memory",
                        "--playmark.security.admin-api-key=" + ADMIN_KEY,
                        "--playmark.jobs.dashboard.enabled=false", "--jobrunr.background-job-server.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        boolean passed;
        try {
            ElasticsearchClient client = playmark.getBean(ElasticsearchClient.class);
            ReportData data = playmark.getBean(ReportData.class);
            Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
            Instant start = end.minus(Duration.ofDays(DAYS));
            long indexing = System.nanoTime();
            index(client, plays, start);
            System.out.printf("Indexed %,d plays in %.1f s%n", plays, (System.nanoTime() - indexing) / 1e9);
            TimeRange.Interval range = new TimeRange.Interval(start, end);
            ReportSpec byDay = new ReportSpec(ReportType.CUSTOM, List.of(Metric.PLAYS, Metric.COMPLETED,
                    Metric.PLAYED_TIME, Metric.IMPRESSIONS), List.of(Dimension.CAMPAIGN, Dimension.TIME),
                    TimeGrouping.DAY, TimeBasis.UTC, TimeRange.absolute(start, end), "UTC", ReportFilters.NONE, null,
                    false, null, List.of(OutputFormat.CSV));
            double report = Double.MAX_VALUE;
            double bare = Double.MAX_VALUE;
            long groups = 0;
            for (int turn = 0; turn < 3; turn++) {
                long at = System.nanoTime();
                groups = data.write(byDay, range, COUNTING, QUIET).rows();
                report = Math.min(report, (System.nanoTime() - at) / 1e9);
                at = System.nanoTime();
                long bareGroups = bare(client, start, end);
                bare = Math.min(bare, (System.nanoTime() - at) / 1e9);
                if (bareGroups != groups) {
                    throw new IllegalStateException("the report has " + groups + " groups, ES " + bareGroups);
                }
            }
            System.out.printf("Campaign x day (%,d groups): report %.2f s, bare aggregation %.2f s, ratio %.2f%n",
                    groups, report, bare, report / bare);

            double dashboardP99 = dashboard(playmark.getEnvironment().getProperty("local.server.port"), start, end);

            ReportSpec raw = ReportSpec.preset(ReportType.RAW_PLAY_LOG, TimeRange.absolute(start, end), null,
                    List.of(OutputFormat.CSV));
            Path csv = dataDir.resolve("raw.csv");
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long at = System.nanoTime();
            CsvReportWriter writer = new CsvReportWriter(csv);
            long rows = data.write(raw, range, writer, QUIET).rows();
            writer.finish(null, null);
            double seconds = (System.nanoTime() - at) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            done.set(true);
            sampler.join();
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            double rate = rows / seconds;
            System.out.printf("Raw play log CSV: %,d rows, %,d MB, in %.1f s = %,.0f rows/s (process CPU %.1f s, %.0f µs "
                            + "a row); heap used %,d MB before, peak %,d MB during, %,d MB after (max heap %,d MB)%n",
                    rows, Files.size(csv) >> 20, seconds, rate, cpuSeconds, cpuSeconds * 1e6 / rows, before >> 20,
                    peak.get() >> 20, after >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);

            ReportSpec proof = ReportSpec.preset(ReportType.CAMPAIGN_PROOF_OF_PLAY, TimeRange.absolute(start, end),
                    null, List.of(OutputFormat.PDF));
            Path pdfFolder = Files.createDirectories(dataDir.resolve("pdf"));
            at = System.nanoTime();
            PdfReportWriter pdf = new PdfReportWriter(pdfFolder, "proof");
            ReportData.Written written = data.write(proof, range, pdf, QUIET);
            pdf.finish(new ReportWriter.Heading("Proof of play", proof.type().name(), start, end, Instant.now(),
                    written.openPeriods(), written.rows()), () -> data.summary(proof, range));
            double pdfSeconds = (System.nanoTime() - at) / 1e9;
            System.out.printf("PDF with charts (proof of play, %,d rows read, first %d shown): %.2f s, %,d KB%n",
                    written.rows(), PdfReportWriter.SHOWN_ROWS, pdfSeconds,
                    Files.size(pdfFolder.resolve("proof.pdf")) >> 10);

            passed = report <= 10 && report <= 2 * bare && dashboardP99 <= 1 && rate >= 50_000 && rows == plays && pdfSeconds <= 5;
            System.out.println(passed ? "PASS" : "FAIL");
        } finally {
            playmark.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        return passed;
    }

    /**
     * Issue 12's dashboard query: a campaign's delivery over the 30 days by day with every breakdown, as a dashboard
     * asks it over GraphQL, for campaigns drawn at random (after five not counted); prints p50/p99, answers the p99 in s.
     */
    private static double dashboard(String port, Instant start, Instant end) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(12);
        List<Double> seconds = new ArrayList<>();
        long plays = 0;
        for (int turn = 0; turn < 45; turn++) {
            String query = ("{\"query\":\"{ campaignDelivery(campaignId: \\\"%s\\\", from: \\\"%s\\\", "
                    + "to: \\\"%s\\\", interval: DAY, zone: \\\"Europe/Berlin\\\") { totals { plays completed "
                    + "completionRate playedMs impressions } periods { start counts { plays completed } open } "
                    + "openPeriods { playerId from to } complete players { id name counts { plays completed } } "
                    + "groups { id counts { plays } } topAssets { id name counts { plays } } "
                    + "failures { error plays } } }\"}").formatted(id(2, random.nextInt(CAMPAIGNS)), start, end);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("X-Api-Key", ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(query)).build();
            long at = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - at) / 1e9;
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("the dashboard query failed: " + response.body());
            }
            if (turn >= 5) {
                seconds.add(took);
                plays += Long.parseLong(response.body().replaceFirst("(?s).*?\"plays\":(\\d+).*", "$1"));
            }
        }
        Collections.sort(seconds);
        double p50 = seconds.get(seconds.size() / 2);
        double p99 = seconds.get((int) Math.ceil(seconds.size() * 0.99) - 1);
        System.out.printf("Dashboard query (campaignDelivery over %d days by day, every breakdown, GraphQL, %,d plays "
                + "a campaign on average): p50 %.3f s, p99 %.3f s%n", DAYS, plays / seconds.size(), p50, p99);
        return p99;
    }

    private static final ReportSink COUNTING = new ReportSink() {
        @Override
        public void columns(List<ReportColumn> columns) {
        }

        @Override
        public void row(List<Object> cells) {
        }
    };

    private static final ReportProgress QUIET = new ReportProgress() {
        @Override
        public void update(double done, long rows) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The same grouping as one bare composite aggregation, paged the same way; answers the groups. */
    private static long bare(ElasticsearchClient client, Instant start, Instant end) throws Exception {
        long groups = 0;
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            var response = client.search(s -> s.index("plays").size(0)
                    .query(q -> q.range(r -> r.date(d -> d.field("startedAt").gte(start.toString())
                            .lt(end.toString()))))
                    .aggregations("groups", a -> a.composite(c -> {
                        c.size(1_000).sources(List.of(
                                NamedValue.of("campaign", co.elastic.clients.elasticsearch._types.aggregations
                                        .CompositeAggregationSource.of(x -> x.terms(t -> t.field("campaignId")
                                                .missingBucket(true)))),
                                NamedValue.of("day", co.elastic.clients.elasticsearch._types.aggregations
                                        .CompositeAggregationSource.of(x -> x.dateHistogram(h -> h.field("startedAt")
                                                .calendarInterval(t -> t.time("1d")).timeZone("UTC"))))));
                        if (from != null) {
                            c.after(from);
                        }
                        return c;
                    }).aggregations("outcomes", o -> o.terms(t -> t.field("outcome").size(4)))
                            .aggregations("playedMs", o -> o.sum(x -> x.field("durationMs")))
                            .aggregations("impressions", o -> o.sum(x -> x.field("impressions")))), Void.class);
            CompositeAggregate composite = response.aggregations().get("groups").composite();
            groups += composite.buckets().array().size();
            after = composite.buckets().array().size() < 1_000 ? null : composite.afterKey();
        } while (after != null);
        return groups;
    }

    /** Plays spread evenly over the days, players and campaigns; one in 20 interrupted, one in 100 failed. */
    private static void index(ElasticsearchClient client, int plays, Instant start) throws Exception {
        Random random = new Random(14);
        String[] outcomes = {"COMPLETED", "INTERRUPTED", "FAILED"};
        long span = Duration.ofDays(DAYS).toMillis();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int pending = 0;
        for (int i = 0; i < plays; i++) {
            int player = random.nextInt(PLAYERS);
            int campaign = random.nextInt(CAMPAIGNS);
            Instant at = start.plusMillis((long) (random.nextDouble() * span));
            int roll = random.nextInt(100);
            String outcome = roll == 0 ? outcomes[2] : roll < 6 ? outcomes[1] : outcomes[0];
            ZoneId zone = ZoneId.of(player % 2 == 0 ? "Europe/Berlin" : "America/New_York");
            Map<String, Object> doc = new LinkedHashMap<>();
            String id = "bench-" + i;
            doc.put("playId", id);
            doc.put("playerId", id(1, player));
            doc.put("playerName", "Screen " + player);
            doc.put("playerTags", List.of("bench"));
            doc.put("timeZone", zone.getId());
            doc.put("location", Map.of("lat", 48 + player % 10 * 0.1, "lon", 11 + player % 7 * 0.1));
            doc.put("assetId", "asset-" + campaign % 50);
            doc.put("assetName", "Spot " + campaign % 50);
            doc.put("assetType", "VIDEO");
            doc.put("campaignId", id(2, campaign));
            doc.put("campaignName", "Campaign " + campaign);
            doc.put("advertiser", "Advertiser " + campaign % 20);
            long duration = outcome.equals("FAILED") ? 0 : outcome.equals("INTERRUPTED") ? 5_000 : 15_000;
            doc.put("startedAt", at.toString());
            doc.put("endedAt", at.plusMillis(duration).toString());
            doc.put("receivedAt", at.plusSeconds(30).toString());
            doc.put("durationMs", duration);
            doc.put("plannedDurationMs", 15_000);
            doc.put("outcome", outcome);
            if (outcome.equals("FAILED")) {
                doc.put("error", "decoder: error " + random.nextInt(5));
            }
            doc.put("impressions", random.nextInt(5));
            doc.put("dwellMs", 0);
            var local = at.atZone(zone);
            doc.put("localDate", local.toLocalDate().toString());
            doc.put("localHour", local.getHour());
            String index = "plays-" + MONTH.format(at);
            bulk.operations(o -> o.create(c -> c.index(index).id(id).document(doc)));
            if (++pending == BULK) {
                send(client, bulk.build());
                bulk = new BulkRequest.Builder();
                pending = 0;
            }
        }
        if (pending > 0) {
            send(client, bulk.build());
        }
        client.indices().refresh(r -> r.index("plays"));
    }

    /** The n-th player's or campaign's id: a UUID, as the API takes them. */
    private static String id(int kind, int n) {
        return new UUID(kind, n).toString();
    }

    private static void send(ElasticsearchClient client, BulkRequest request) throws Exception {
        var response = client.bulk(request);
        if (response.errors()) {
            throw new IllegalStateException("bulk refused: " + response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse(""));
        }
    }
}
