package io.playmark.infra.report;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestScreens.Screen;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.jobs.context.JobContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports as users meet them: screens upload a known week of plays, analysts define reports of every ready-made
 * type and run them, follow each run, download CSV, XLSX and PDF and find the plays they sent; local time survives a
 * daylight-saving change; open hours are marked; a manager's daily schedule fires and the run arrives by e-mail
 * (GreenMail) and by a signed webhook retried after a failure; a queued run is cancelled; roles are checked.
 */
class ReportsIT extends PlaymarkIntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String RUN = "fragment Run on ReportRun { id status progress rows complete trigger "
            + "openPeriods { playerId from to } files { name format mediaType sizeBytes expiresAt } "
            + "deliveries { channel target attempt delivered httpStatus error } }";
    private static final String DEFINE = "mutation($input: ReportInput!) { defineReport(input: $input) { id name "
            + "spec { type metrics dimensions timeGrouping timeBasis zone } } }";
    private static final String RUN_NOW = RUN + " mutation($id: ID!) { runReport(id: $id) { ...Run } }";
    private static final String FOLLOW = RUN + " query($id: ID!) { reportRun(id: $id) { ...Run } }";

    @Autowired
    private ApplicationContext playmark;
    @Autowired
    private StorageProvider jobStore;

    private final LocalDate today = LocalDate.now(BERLIN);

    /** Three Berlin days before today: two screens, 4 and 2 plays a day, one failed, at 10:00 local and on. */
    private ReportFixture week() throws Exception {
        ReportFixture fixture = new ReportFixture(playmark, asAdmin(), port);
        Screen lobby = fixture.screen("Europe/Berlin");
        Screen mall = fixture.screen("Europe/Berlin");
        List<Map<String, Object>> lobbyPlays = new ArrayList<>();
        List<Map<String, Object>> mallPlays = new ArrayList<>();
        for (int day = 3; day >= 1; day--) {
            Instant ten = today.minusDays(day).atTime(10, 0).atZone(BERLIN).toInstant();
            for (int i = 0; i < 4; i++) {
                lobbyPlays.add(fixture.play(ten.plusSeconds(600L * i), day == 3 && i == 0 ? "FAILED" : "COMPLETED"));
            }
            mallPlays.add(fixture.play(ten, "COMPLETED"));
            mallPlays.add(fixture.play(ten.plusSeconds(3600), "INTERRUPTED"));
        }
        fixture.upload(lobby, lobbyPlays);
        fixture.upload(mall, mallPlays);
        fixture.searchable();
        return fixture;
    }

    private Map<String, Object> range() {
        return Map.of("kind", "ABSOLUTE", "from", today.minusDays(3).atStartOfDay(BERLIN).toInstant().toString(),
                "to", today.plusDays(1).atStartOfDay(BERLIN).toInstant().toString());
    }

    private static Map<String, Object> report(String type, Map<String, Object> range, Map<String, Object> filters,
                                              String... formats) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", type + " report");
        input.put("type", type);
        input.put("range", range);
        input.put("zone", "Europe/Berlin");
        input.put("filters", filters);
        input.put("formats", List.of(formats));
        return input;
    }

    private static String define(PlaymarkApi api, Map<String, Object> input) {
        return dataOf(api.graphQl(DEFINE, "input", input), "defineReport").get("id").asString();
    }

    private static String runNow(PlaymarkApi api, String report) {
        JsonNode run = dataOf(api.graphQl(RUN_NOW, "id", report), "runReport");
        assertThat(run.get("status").asString()).isEqualTo("QUEUED");
        return run.get("id").asString();
    }

    private static JsonNode await(PlaymarkApi api, String run, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = dataOf(api.graphQl(FOLLOW, "id", run), "reportRun");
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + run + " did not get there: " + last);
    }

    private static JsonNode succeeded(PlaymarkApi api, String run) throws InterruptedException {
        JsonNode done = await(api, run, r -> !r.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        return done;
    }

    private static String fileName(JsonNode run, String format) {
        return run.get("files").valueStream().filter(file -> file.get("format").asString().equals(format))
                .map(file -> file.get("name").asString()).findFirst().orElseThrow();
    }

    private static PlaymarkApi.Download file(PlaymarkApi api, JsonNode run, String name) {
        PlaymarkApi.Download download = api.download("GET", "/api/v1/report-runs/" + run.get("id").asString()
                + "/files/" + name);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains(name);
        return download;
    }

    /** The CSV's rows as column name to cell. */
    private static List<Map<String, String>> csv(PlaymarkApi api, JsonNode run) {
        String text = new String(file(api, run, fileName(run, "CSV")).body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        String[] header = lines.getFirst().split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static long sum(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToLong(row -> Long.parseLong(row.get(column))).sum();
    }

    @Test
    void a_campaign_proof_of_play_by_local_day_is_run_followed_and_downloaded_as_csv_xlsx_and_pdf() throws Exception {
        ReportFixture fixture = week();
        PlaymarkApi analyst = as(Role.ANALYST);
        String report = define(analyst, report("CAMPAIGN_PROOF_OF_PLAY", range(),
                Map.of("campaigns", List.of(fixture.campaign)), "CSV", "XLSX", "PDF"));
        JsonNode run = succeeded(analyst, runNow(analyst, report));
        assertThat(run.get("rows").asLong()).isEqualTo(3);

        List<Map<String, String>> rows = csv(analyst, run);
        assertThat(rows).extracting(row -> row.get("localPeriod")).containsExactly(today.minusDays(3).toString(),
                today.minusDays(2).toString(), today.minusDays(1).toString());
        assertThat(rows).allMatch(row -> row.get("campaignId").equals(fixture.campaign) && row.get("plays").equals("6"));
        assertThat(sum(rows, "plays")).isEqualTo(fixture.playIds.size());
        assertThat(sum(rows, "completed")).isEqualTo(14);
        assertThat(sum(rows, "failed")).isEqualTo(1);
        assertThat(sum(rows, "interrupted")).isEqualTo(3);
        assertThat(sum(rows, "playedMs")).isEqualTo(17 * 15_000L);
        assertThat(sum(rows, "impressions")).isEqualTo(18 * 3L);
        // the screens' latest hours (yesterday) are open; the range ends tomorrow
        assertThat(run.get("complete").asBoolean()).isFalse();
        assertThat(run.get("openPeriods")).hasSize(2);
        assertThat(rows).extracting(row -> row.get("open")).containsExactly("false", "false", "true");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                file(analyst, run, fileName(run, "XLSX")).body()))) {
            Sheet sheet = workbook.getSheet("Report");
            int plays = -1;
            for (int i = 0; i < sheet.getRow(0).getLastCellNum(); i++) {
                if (sheet.getRow(0).getCell(i).getStringCellValue().equals("plays")) {
                    plays = i;
                }
            }
            double total = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                total += sheet.getRow(r).getCell(plays).getNumericCellValue();
            }
            assertThat(total).isEqualTo(18);
            Row summaryPlays = workbook.getSheet("Summary").getRow(4);
            assertThat(summaryPlays.getCell(0).getStringCellValue()).isEqualTo("Plays");
            assertThat(summaryPlays.getCell(1).getNumericCellValue()).isEqualTo(18);
            assertThat(workbook.getSheet("Open periods").getLastRowNum()).isEqualTo(2);
        }

        try (PDDocument pdf = Loader.loadPDF(file(analyst, run, fileName(run, "PDF")).body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("CAMPAIGN_PROOF_OF_PLAY report", "Plays: 18", "Completed: 14", "FAILED: 1",
                    "INTERRUPTED: 3", "Not complete: 2 players", today.minusDays(1) + ": 6 / 5");
            assertThat(pdf.getNumberOfPages()).isEqualTo(4);
            BufferedImage charts = new PDFRenderer(pdf).renderImageWithDPI(2, 72);
            assertThat(colouredPixels(charts)).as("the charts page shows bars").isGreaterThan(1_000);
        }
        List<String> pngs = run.get("files").valueStream().filter(f -> f.get("format").asString().equals("PNG"))
                .map(f -> f.get("name").asString()).toList();
        assertThat(pngs).hasSize(2);
        for (String png : pngs) {
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(file(analyst, run, png).body()));
            assertThat(chart.getWidth()).isEqualTo(800);
            assertThat(colouredPixels(chart)).isGreaterThan(1_000);
        }
    }

    /** Pixels that are neither white nor grey: a chart's series. */
    private static long colouredPixels(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        return coloured;
    }

    @Test
    void every_ready_made_report_adds_up_to_the_plays_sent() throws Exception {
        ReportFixture fixture = week();
        PlaymarkApi analyst = as(Role.ANALYST);
        Map<String, Object> only = Map.of("campaigns", List.of(fixture.campaign));
        Map<String, String> runs = new LinkedHashMap<>();
        for (String type : List.of("DELIVERY_AGAINST_GOAL", "PLAYER_UPTIME", "ASSET_USAGE", "FAILURES_BY_ERROR",
                "RAW_PLAY_LOG")) {
            runs.put(type, runNow(analyst, define(analyst, report(type, range(), only, "CSV"))));
        }
        // run now over REST too
        String usage = define(analyst, report("ASSET_USAGE", range(), only, "CSV"));
        PlaymarkApi.Response queued = analyst.post("/api/v1/reports/" + usage + "/runs", Map.of());
        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        assertThat(queued.headers().firstValue("Location")).contains("/api/v1/report-runs/"
                + queued.body().get("id").asString());

        List<Map<String, String>> goal = csv(analyst, succeeded(analyst, runs.get("DELIVERY_AGAINST_GOAL")));
        assertThat(goal).singleElement().satisfies(row -> {
            assertThat(row.get("advertiser")).isEqualTo("Acme");
            assertThat(row.get("plays")).isEqualTo("18");
            assertThat(row.get("impressions")).isEqualTo("54");
            assertThat(row.get("shareOfGoal")).as("no goal set").isEmpty();
        });
        List<Map<String, String>> uptime = csv(analyst, succeeded(analyst, runs.get("PLAYER_UPTIME")));
        assertThat(uptime).hasSize(6);
        assertThat(sum(uptime, "plays")).isEqualTo(18);
        // the lobby plays within one hour a day, the mall in two
        assertThat(sum(uptime, "activeHours")).isEqualTo(3 + 6);
        List<Map<String, String>> assets = csv(analyst, succeeded(analyst, runs.get("ASSET_USAGE")));
        assertThat(assets).singleElement().satisfies(row -> {
            assertThat(row.get("assetId")).isEqualTo(fixture.asset);
            assertThat(row.get("plays")).isEqualTo("18");
            assertThat(row.get("completed")).isEqualTo("14");
        });
        List<Map<String, String>> failures = csv(analyst, succeeded(analyst, runs.get("FAILURES_BY_ERROR")));
        assertThat(failures).singleElement().satisfies(row -> {
            assertThat(row.get("error")).isEqualTo("decoder: broken stream");
            assertThat(row.get("plays")).isEqualTo("1");
        });
        List<Map<String, String>> raw = csv(analyst, succeeded(analyst, runs.get("RAW_PLAY_LOG")));
        assertThat(raw).extracting(row -> row.get("playId")).containsExactlyInAnyOrderElementsOf(fixture.playIds);
        assertThat(raw).extracting(row -> row.get("startedAt")).isSorted();
        assertThat(raw).filteredOn(row -> row.get("outcome").equals("FAILED")).singleElement().satisfies(row -> {
            assertThat(row.get("error")).isEqualTo("decoder: broken stream");
            assertThat(row.get("playerName")).isNotBlank();
            assertThat(row.get("plannedDurationMs")).matches("\\d+");
        });
        assertThat(csv(analyst, succeeded(analyst, queued.body().get("id").asString())))
                .singleElement().satisfies(row -> assertThat(row.get("plays")).isEqualTo("18"));
    }

    @Test
    void local_time_groups_by_the_players_own_hours_and_days_across_a_daylight_saving_change() throws Exception {
        ReportFixture fixture = new ReportFixture(playmark, asAdmin(), port);
        Screen screen = fixture.screen("Europe/Berlin");
        // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin
        fixture.upload(screen, List.of(
                fixture.play(Instant.parse("2026-03-28T23:30:00Z"), "COMPLETED"),   // 00:30 CET on the 29th
                fixture.play(Instant.parse("2026-03-29T00:30:00Z"), "COMPLETED"),   // 01:30 CET
                fixture.play(Instant.parse("2026-03-29T01:30:00Z"), "COMPLETED"),   // 03:30 CEST
                fixture.play(Instant.parse("2026-03-29T22:30:00Z"), "COMPLETED"))); // 00:30 CEST on the 30th
        fixture.searchable();
        PlaymarkApi analyst = as(Role.ANALYST);
        Map<String, Object> range = Map.of("kind", "ABSOLUTE", "from", "2026-03-27T00:00:00Z",
                "to", "2026-04-01T00:00:00Z");
        String localHours = runNow(analyst, define(analyst, custom(screen, range, "HOUR", "PLAYER_LOCAL")));
        String localDays = runNow(analyst, define(analyst, custom(screen, range, "DAY", "PLAYER_LOCAL")));
        String utcDays = runNow(analyst, define(analyst, custom(screen, range, "DAY", "UTC")));
        String localWeeks = runNow(analyst, define(analyst, custom(screen, range, "WEEK", "PLAYER_LOCAL")));

        assertThat(periods(analyst, localHours, "localPeriod")).containsExactly("2026-03-29T00=1", "2026-03-29T01=1",
                "2026-03-29T03=1", "2026-03-30T00=1");
        assertThat(periods(analyst, localDays, "localPeriod")).containsExactly("2026-03-29=3", "2026-03-30=1");
        assertThat(periods(analyst, utcDays, "period")).containsExactly("2026-03-28=1", "2026-03-29=3");
        // local weeks are added up from local days: Monday 23 March and Monday 30 March
        assertThat(periods(analyst, localWeeks, "localPeriod")).containsExactly("2026-03-23=3", "2026-03-30=1");
    }

    private static Map<String, Object> custom(Screen screen, Map<String, Object> range, String grouping,
                                              String basis) {
        Map<String, Object> input = report("CUSTOM", range, Map.of("players", List.of(screen.id())), "CSV");
        input.put("metrics", List.of("PLAYS"));
        input.put("dimensions", List.of("TIME"));
        input.put("timeGrouping", grouping);
        input.put("timeBasis", basis);
        return input;
    }

    private List<String> periods(PlaymarkApi api, String run, String column) throws InterruptedException {
        return csv(api, succeeded(api, run)).stream().map(row -> row.get(column) + "=" + row.get("plays")).toList();
    }

    @Test
    void a_daily_schedule_fires_and_its_run_arrives_by_email_and_by_a_signed_webhook_retried_after_a_failure()
            throws Exception {
        ReportFixture fixture = week();
        PlaymarkApi manager = as(Role.MANAGER);
        PlaymarkApi analyst = as(Role.ANALYST);
        String report = define(analyst, report("CAMPAIGN_PROOF_OF_PLAY", range(),
                Map.of("campaigns", List.of(fixture.campaign)), "CSV", "PDF"));
        String secret = "webhook-secret-0123456789";
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(new String(body, StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst("X-Playmark-Signature"));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        hook.start();
        // GreenMail's 2 s start-up limit is too short on a busy 2-core machine
        ServerSetup smtp = new ServerSetup(mailPort(), "127.0.0.1", "smtp");
        smtp.setServerStartupTimeout(20_000);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        try {
            Map<String, Object> daily = Map.of("frequency", "DAILY", "at", "06:00", "zone", "Europe/Berlin",
                    "emails", List.of("ops@example.com"), "webhook",
                    "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", "webhookSecret", secret);
            String schedule = "mutation($id: ID!, $schedule: ReportScheduleInput!) { scheduleReport(id: $id, "
                    + "schedule: $schedule) { schedule { cron zone } schedulePaused } }";
            assertThat(analyst.graphQl(schedule, "id", report, "schedule", daily).get("errors"))
                    .as("only ADMIN and MANAGER schedule").isNotNull();
            JsonNode scheduled = dataOf(manager.graphQl(schedule, "id", report, "schedule", daily), "scheduleReport");
            assertThat(scheduled.get("schedule").get("cron").asString()).isEqualTo("0 6 * * *");

            RecurringJob recurring = awaitRecurring("report-" + report);
            // the clock moved to 05:00 in Berlin on a winter day: the next run is at 06:00 Berlin (05:00 UTC)
            assertThat(recurring.getNextRun(Instant.parse("2026-12-04T04:00:00Z")))
                    .isEqualTo(Instant.parse("2026-12-04T05:00:00Z"));
            jobStore.save(recurring.toEnqueuedJob());

            String runs = "query($id: ID!) { reportRuns(reportId: $id, first: 5) { edges { node { id trigger } } } }";
            String run = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (run == null && System.nanoTime() < deadline) {
                JsonNode edges = dataOf(analyst.graphQl(runs, "id", report), "reportRuns").get("edges");
                run = edges.isEmpty() ? null : edges.get(0).get("node").get("id").asString();
                Thread.sleep(500);
            }
            assertThat(run).as("the recurring job queued a run").isNotNull();
            JsonNode done = succeeded(analyst, run);
            assertThat(done.get("trigger").asString()).isEqualTo("SCHEDULE");
            // yesterday in Berlin, the day just closed
            assertThat(done.get("rows").asLong()).isEqualTo(1);
            JsonNode delivered = await(analyst, run, r -> r.get("deliveries").size() >= 3);
            assertThat(delivered.get("deliveries").valueStream().map(d -> d.get("channel").asString() + " "
                    + d.get("attempt").asInt() + " " + d.get("delivered").asBoolean()))
                    .containsExactlyInAnyOrder("EMAIL 1 true", "WEBHOOK 1 false", "WEBHOOK 2 true");

            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage message = mail.getReceivedMessages()[0];
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
            assertThat(message.getSubject()).contains("CAMPAIGN_PROOF_OF_PLAY report");
            List<String> attached = new ArrayList<>();
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    attached.add(parts.getBodyPart(i).getFileName());
                }
            }
            assertThat(attached).anyMatch(name -> name.endsWith(".csv")).anyMatch(name -> name.endsWith(".pdf"));

            assertThat(bodies).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(signatures.get(i)).isEqualTo(ReportDelivery.signature(secret,
                        bodies.get(i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(bodies.get(1)).contains("\"runId\":\"" + run + "\"", "/api/v1/report-runs/" + run + "/files/");

            JsonNode paused = dataOf(manager.graphQl("mutation($id: ID!) { pauseReportSchedule(id: $id) { "
                    + "schedulePaused } }", "id", report), "pauseReportSchedule");
            assertThat(paused.get("schedulePaused").asBoolean()).isTrue();
            awaitGone("report-" + report);
        } finally {
            mail.stop();
            hook.stop(0);
        }
    }

    private RecurringJob awaitRecurring(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var found = jobStore.getRecurringJobs().stream().filter(job -> job.getId().equals(id)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no recurring job " + id);
    }

    private void awaitGone(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jobStore.getRecurringJobs().stream().anyMatch(job -> job.getId().equals(id))) {
            assertThat(System.nanoTime()).as("recurring job " + id + " removed").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void a_queued_run_is_cancelled_and_makes_no_files() throws Exception {
        PlaymarkApi analyst = as(Role.ANALYST);
        String report = define(analyst, report("RAW_PLAY_LOG", Map.of("kind", "LAST_DAYS", "days", 7), null, "CSV"));
        String run = runNow(analyst, report);
        JsonNode cancelled = dataOf(analyst.graphQl(RUN + " mutation($id: ID!) { cancelReportRun(id: $id) { ...Run } }",
                "id", run), "cancelReportRun");
        assertThat(cancelled.get("status").asString()).isIn("CANCELLED", "RUNNING");
        JsonNode done = await(analyst, run, r -> !r.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
        Thread.sleep(2_000);
        JsonNode later = dataOf(analyst.graphQl(FOLLOW, "id", run), "reportRun");
        assertThat(later.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(later.get("files")).isEmpty();
    }

    @Test
    void roles_decide_who_defines_runs_and_reads_reports() {
        Map<String, Object> input = report("ASSET_USAGE", Map.of("kind", "LAST_DAYS", "days", 7), null, "CSV");
        assertThat(as(Role.AUDITOR).graphQl(DEFINE, "input", input).get("errors")).as("auditors only read")
                .isNotNull();
        PlaymarkApi analyst = as(Role.ANALYST);
        String report = define(analyst, input);
        assertThat(dataOf(as(Role.AUDITOR).graphQl("query($id: ID!) { report(id: $id) { name } }", "id", report),
                "report").get("name").asString()).isEqualTo("ASSET_USAGE report");
        assertThat(as(Role.AUDITOR).post("/api/v1/reports/" + report + "/runs", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous().post("/api/v1/reports/" + report + "/runs", Map.of()).status()).isEqualTo(401);
        JsonNode page = dataOf(analyst.graphQl("{ reports(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }"),
                "reports");
        assertThat(page.get("edges").valueStream().map(edge -> edge.get("node").get("id").asString())).contains(report);
        // the definition is an aggregate: auditors see who defined it
        JsonNode history = as(Role.AUDITOR).get("/api/v1/audit/report-definition/" + report + "/events").body();
        assertThat(history.get("events").get(0).get("principal").asString()).isEqualTo("test ANALYST");
        assertThat(brokenRules(analyst.graphQl(DEFINE, "input", Map.of("name", "x", "type", "CUSTOM",
                "metrics", List.of("SHARE_OF_GOAL"), "dimensions", List.of("ASSET"),
                "range", Map.of("kind", "LAST_DAYS", "days", 7), "formats", List.of("CSV")))))
                .containsExactly("metrics invalid");
    }

    @Test
    void files_past_the_retention_are_removed_by_the_recurring_job_which_says_what_it_did() throws Exception {
        PlaymarkApi analyst = as(Role.ANALYST);
        String report = define(analyst, report("ASSET_USAGE", Map.of("kind", "LAST_DAYS", "days", 1), null, "CSV",
                "XLSX"));
        JsonNode run = succeeded(analyst, runNow(analyst, report));
        String id = run.get("id").asString();
        String csv = fileName(run, "CSV");
        file(analyst, run, csv);
        assertThat(run.get("files").get(0).get("expiresAt").asString())
                .as("30 days by default").startsWith(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
        assertThat(jobStore.getRecurringJobs()).extracting(RecurringJob::getId).contains("report-file-retention");

        org.springframework.data.mongodb.core.query.Update expired = new org.springframework.data.mongodb.core.query
                .Update();
        for (int i = 0; i < run.get("files").size(); i++) {
            expired.set("files." + i + ".expiresAt", Instant.now().minusSeconds(60));
        }
        playmark.getBean(org.springframework.data.mongodb.core.MongoTemplate.class).updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), expired,
                io.playmark.query.report.ReportRunView.class);

        ReportFileRetention.Result result = playmark.getBean(ReportFileRetention.class).run(JobContext.Null);
        assertThat(result.removedRuns()).isGreaterThanOrEqualTo(1);
        assertThat(result.removedFiles()).isGreaterThanOrEqualTo(2);
        assertThat(result.freedBytes()).isGreaterThan(0);
        assertThat(result.checked()).isGreaterThanOrEqualTo(result.removedRuns());
        assertThat(dataDirectory().resolve("reports").resolve(id)).doesNotExist();
        assertThat(analyst.download("GET", "/api/v1/report-runs/" + id + "/files/" + csv).status()).isEqualTo(404);
        assertThat(dataOf(analyst.graphQl(FOLLOW, "id", id), "reportRun").get("files")).isEmpty();
    }
}
