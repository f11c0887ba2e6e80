package io.playmark.infra.report;

import io.playmark.infra.jobs.MaintenanceSchedule;
import io.playmark.query.report.ReportData;
import io.playmark.query.report.ReportRuns;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/** Reports' wiring: files, generation and delivery jobs, schedules, and the file retention's maintenance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportsConfiguration {

    static final String RETENTION_JOB_ID = "report-file-retention";

    @Bean
    ReportFiles reportFiles(ReportProperties properties, @Value("${playmark.data-dir}") Path dataDir) {
        return new ReportFiles((properties.directory() == null ? dataDir.resolve("reports") : properties.directory())
                .toAbsolutePath().normalize());
    }

    @Bean
    ReportScheduling reportScheduling(JobScheduler jobs, MongoTemplate mongo) {
        return new ReportScheduling(jobs, mongo);
    }

    @Bean
    ReportDelivery reportDelivery(ReportRuns runs, ReportScheduling schedules, ReportFiles files,
                                  ReportProperties properties, Clock clock) {
        return new ReportDelivery(runs, schedules, files, mailSender(properties.mail()), properties, clock);
    }

    private static JavaMailSenderImpl mailSender(ReportProperties.Mail mail) {
        if (mail.host() == null || mail.host().isBlank()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setUsername(mail.username() == null || mail.username().isBlank() ? null : mail.username());
        sender.setPassword(mail.password() == null || mail.password().isBlank() ? null : mail.password());
        Properties settings = new Properties();
        settings.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
        settings.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
        settings.put("mail.smtp.connectiontimeout", "10000");
        settings.put("mail.smtp.timeout", "30000");
        sender.setJavaMailProperties(settings);
        return sender;
    }

    @Bean
    ReportGenerator reportGenerator(ReportRuns runs, ReportData data, ReportFiles files, QueryGateway queries,
                                    ReportProperties properties, Clock clock) {
        return new ReportGenerator(runs, data, files, queries, properties.retention(), properties.retries() + 1,
                clock);
    }

    @Bean
    ReportJobs reportJobs(JobScheduler jobs, ReportGenerator generator, ReportDelivery delivery, ReportRuns runs,
                          QueryGateway queries, ReportProperties properties, Clock clock) {
        return new ReportJobs(jobs, generator, delivery, runs, queries, properties.retries(), clock);
    }

    @Bean
    ReportFileRetention reportFileRetention(ReportFiles files, ReportRuns runs, Clock clock) {
        return new ReportFileRetention(files, runs, clock);
    }

    @Bean
    MaintenanceSchedule reportFileRetentionMaintenance(ReportFileRetention task, ReportProperties properties) {
        return new MaintenanceSchedule(task, "Remove report files past the retention",
                properties.retentionCron());
    }
}
