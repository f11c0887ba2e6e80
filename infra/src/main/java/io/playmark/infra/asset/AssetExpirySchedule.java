package io.playmark.infra.asset;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/** The expiry of assets as a JobRunr recurring job, registered under one id by every instance and run once a schedule. */
@Configuration(proxyBeanMethods = false)
class AssetExpirySchedule {

    static final String JOB_ID = "asset-expiry";

    @Bean
    AssetExpiry assetExpiry(QueryGateway queries, CommandGateway commands, Clock clock) {
        return new AssetExpiry(queries, commands, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent ready) {
        String cron = ready.getApplicationContext().getEnvironment()
                .getProperty("playmark.media.expiry-cron", "*/5 * * * *");
        ready.getApplicationContext().getBean(JobScheduler.class).createRecurrently(aRecurringJob().withId(JOB_ID)
                .withName("Retire expired assets").withCron(cron).withZoneId(ZoneOffset.UTC)
                .<AssetExpiry>withDetails(expiry -> expiry.run(JobContext.Null)));
    }
}
