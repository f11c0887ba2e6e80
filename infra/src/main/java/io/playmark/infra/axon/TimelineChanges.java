package io.playmark.infra.axon;

import io.playmark.query.asset.AssetReadModelProjection;
import io.playmark.query.campaign.CampaignReadModelProjection;
import io.playmark.query.decisioning.TimelineVersion;
import io.playmark.query.player.PlayerDirectoryProjection;
import io.playmark.query.schedule.ScheduleProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Moves the {@link TimelineVersion} after the read models that timelines are resolved from have taken a change:
 * an interceptor on their projections, so the version moves only once the view holds the change, never before.
 */
@Configuration(proxyBeanMethods = false)
class TimelineChanges {

    /** The projections decisioning reads, each with the kernel package of the events it keeps. */
    private static final List<List<String>> SOURCES = List.of(
            List.of(CampaignReadModelProjection.PROCESSING_GROUP, "io.playmark.kernel.campaign"),
            List.of(ScheduleProjection.PROCESSING_GROUP, "io.playmark.kernel.schedule"),
            List.of(PlayerDirectoryProjection.PROCESSING_GROUP, "io.playmark.kernel.player"),
            List.of(AssetReadModelProjection.PROCESSING_GROUP, "io.playmark.kernel.asset"));

    @Bean
    ConfigurerModule timelineVersionOnChange(TimelineVersion version) {
        return configurer -> configurer.eventProcessing(processing -> SOURCES.forEach(source ->
                processing.registerHandlerInterceptor(source.get(0), configuration -> afterChange(version,
                        source.get(1)))));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> afterChange(TimelineVersion version, String events) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayloadType().getPackageName().equals(events)) {
                version.changed();
            }
            return result;
        };
    }
}
