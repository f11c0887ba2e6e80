package io.playmark.infra.asset;

import io.playmark.infra.jobs.MaintenanceSchedule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The expiry of assets as recurring maintenance ({@code playmark.media.expiry-cron}). */
@Configuration(proxyBeanMethods = false)
class AssetExpirySchedule {

    @Bean
    AssetExpiry assetExpiry(QueryGateway queries, CommandGateway commands, Clock clock) {
        return new AssetExpiry(queries, commands, clock);
    }

    @Bean
    MaintenanceSchedule assetExpiryMaintenance(AssetExpiry task,
                                               @Value("${playmark.media.expiry-cron:*/5 * * * *}") String cron) {
        return new MaintenanceSchedule(task, "Retire expired assets", cron);
    }
}
