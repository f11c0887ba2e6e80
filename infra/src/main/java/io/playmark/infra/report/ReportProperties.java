package io.playmark.infra.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code playmark.reports}: where report files go and how long they stay, how often a failed run is tried again,
 * and how runs are delivered (SMTP server, webhook attempts).
 */
@ConfigurationProperties("playmark.reports")
record ReportProperties(Path directory, Duration retention, String retentionCron, int retries, Mail mail,
                        Webhook webhook) {

    ReportProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
        retentionCron = retentionCron == null ? "45 3 * * *" : retentionCron;
        mail = mail == null ? new Mail(null, 25, null, null, "reports@playmark.local", false) : mail;
        webhook = webhook == null ? new Webhook(5, Duration.ofSeconds(2), Duration.ofSeconds(10), false) : webhook;
    }

    /** The SMTP server runs are mailed through; no host: no e-mail delivery (each attempt records why). */
    record Mail(String host, int port, String username, String password, String from, boolean starttls) {
    }

    /** Attempts per delivery, the wait before the second (doubling after), each request's timeout. */
    record Webhook(int attempts, Duration backoff, Duration timeout, boolean allowHttp) {
    }
}
