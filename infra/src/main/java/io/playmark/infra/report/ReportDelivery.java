package io.playmark.infra.report;

import io.playmark.query.report.ReportRunView;
import io.playmark.query.report.ReportRuns;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers a scheduled run where its schedule says: an e-mail with the run's files attached, and a webhook POST of
 * the run as JSON (the files' download paths in it) signed with the schedule's secret: header
 * {@value #SIGNATURE} = {@code sha256=} and the hex HMAC-SHA256 of the body. Each channel is tried up to
 * {@code attempts} times, waiting {@code backoff}, then twice that, and so on; a webhook counts as delivered on a 2xx.
 * Every attempt is recorded on the run.
 */
class ReportDelivery {

    static final String SIGNATURE = "X-Playmark-Signature";
    private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportRuns runs;
    private final ReportScheduling schedules;
    private final ReportFiles files;
    private final JavaMailSender mail;
    private final ReportProperties properties;
    private final HttpClient http;
    private final Clock clock;

    ReportDelivery(ReportRuns runs, ReportScheduling schedules, ReportFiles files, JavaMailSender mail,
                   ReportProperties properties, Clock clock) {
        this.runs = runs;
        this.schedules = schedules;
        this.files = files;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhook().timeout()).build();
    }

    void deliver(String runId) {
        ReportRunView run = runs.require(runId);
        ReportScheduling.Targets targets = schedules.targets(run.reportId());
        if (targets == null) {
            log.info("Report {} has no schedule any more: run {} is not delivered", run.reportId(), runId);
            return;
        }
        if (!targets.emails().isEmpty()) {
            attempts(run, "EMAIL", String.join(", ", targets.emails()), () -> {
                email(run, targets.emails());
                return null;
            });
        }
        if (targets.webhook() != null) {
            attempts(run, "WEBHOOK", targets.webhook(), () -> webhook(run, targets));
        }
    }

    private interface Attempt {
        /** @return the HTTP status, for a webhook; throws when not delivered */
        Integer send() throws Exception;
    }

    private void attempts(ReportRunView run, String channel, String target, Attempt attempt) {
        Duration wait = properties.webhook().backoff();
        for (int number = 1; number <= properties.webhook().attempts(); number++) {
            try {
                Integer status = attempt.send();
                runs.delivered(run.id(), new ReportRunView.DeliveryAttempt(channel, target, number, true, status, null,
                        clock.instant()));
                log.info("Report run {} delivered by {} to {} (attempt {})", run.id(), channel, target, number);
                return;
            } catch (Exception failed) {
                Integer status = failed instanceof RefusedException refused ? refused.status : null;
                runs.delivered(run.id(), new ReportRunView.DeliveryAttempt(channel, target, number, false, status,
                        failed.getMessage() == null ? failed.toString() : failed.getMessage(), clock.instant()));
                log.warn("Report run {} not delivered by {} to {} (attempt {}): {}", run.id(), channel, target,
                        number, failed.toString());
            }
            if (number < properties.webhook().attempts()) {
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("delivery interrupted", e);
        }
    }

    private void email(ReportRunView run, List<String> to) throws Exception {
        if (mail == null) {
            throw new IllegalStateException("no SMTP server is configured (playmark.reports.mail.host)");
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mail().from());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject("Report " + run.reportName() + ", " + run.from() + " to " + run.to());
        helper.setText("Playmark report " + run.reportName() + "\nPlays started from " + run.from() + " to "
                + run.to() + " (UTC), " + run.rows() + " rows.\n"
                + (run.complete() ? "Complete." : "Not complete: " + run.openPeriods().size()
                + " players' hours were still open.") + "\nRun " + run.id() + "\n");
        for (ReportRunView.ReportFile file : run.files()) {
            helper.addAttachment(file.name(), files.file(run, file.name()).toFile());
        }
        mail.send(message);
    }

    /** Refused by the receiver (not a 2xx). */
    private static final class RefusedException extends Exception {
        private final int status;

        RefusedException(int status) {
            super("the webhook answered " + status);
            this.status = status;
        }
    }

    private Integer webhook(ReportRunView run, ReportScheduling.Targets targets) throws Exception {
        URI uri = URI.create(targets.webhook());
        if (!"https".equals(uri.getScheme()) && !properties.webhook().allowHttp()) {
            throw new IllegalStateException("webhooks are sent over https only, was " + uri);
        }
        byte[] body = JSON.writeValueAsBytes(payload(run));
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json").header(SIGNATURE, signature(targets.webhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new RefusedException(response.statusCode());
        }
        return response.statusCode();
    }

    static String signature(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Map<String, Object> payload(ReportRunView run) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", run.id());
        payload.put("reportId", run.reportId());
        payload.put("reportName", run.reportName());
        payload.put("status", run.status().name());
        payload.put("from", run.from().toString());
        payload.put("to", run.to().toString());
        payload.put("rows", run.rows());
        payload.put("complete", run.complete());
        payload.put("openPeriods", run.openPeriods().stream().map(period -> Map.of("playerId", period.playerId(),
                "from", period.from().toString(), "to", period.to().toString())).toList());
        payload.put("files", run.files().stream().map(file -> Map.of("name", file.name(), "format", file.format(),
                "sizeBytes", file.sizeBytes(), "download", "/api/v1/report-runs/" + run.id() + "/files/"
                        + file.name())).toList());
        return payload;
    }
}
