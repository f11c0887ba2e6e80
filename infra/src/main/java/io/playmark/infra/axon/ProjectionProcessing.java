package io.playmark.infra.axon;

import io.playmark.infra.instance.InstanceRole;
import io.playmark.infra.instance.PlaymarkInstance;
import io.playmark.query.audit.AuditSearchProjection;
import io.playmark.query.campaign.CampaignReadModelProjection;
import io.playmark.query.campaign.CampaignSearchProjection;
import io.playmark.query.play.PlayAnalyticsProjection;
import io.playmark.query.player.PlayerDirectoryProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How projections share their work between instances: each projection's stream is split into
 * {@code playmark.projections.segments} segments (by aggregate, so one aggregate's events stay in order),
 * claimed through the shared token store. Each projection is a pooled streaming processor: one coordinator per
 * instance reads the stream once and hands each claimed segment's events to a worker thread, where a tracking
 * processor would read the whole stream once per segment (ADR 0025). A single instance processes every segment;
 * with more instances each takes its share. Only instances with the {@code query} role start their projections.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionProcessing {

    /**
     * Projections that relate events of different aggregates (a player's and a group's, for membership): one segment,
     * so they see every event in the store's order. One instance runs each; the others stand by for its claim.
     */
    static final List<String> IN_ONE_SEGMENT = List.of(PlayerDirectoryProjection.PROCESSING_GROUP);

    /**
     * Projections that write a batch of events together with its last event (plays: one bulk request for
     * Elasticsearch), and how many events a batch holds; the token is stored once a batch. Their handlers' errors
     * fail the batch, which is then handled again, where Axon's default would log them and go on without the batch.
     */
    static final Map<String, Integer> IN_BATCHES = Map.of(PlayAnalyticsProjection.PROCESSING_GROUP, 1_000,
            AuditSearchProjection.PROCESSING_GROUP, 1_000,
            // a rebuild writes a batch's campaigns in one bulk request (VersionedIndex.write)
            CampaignSearchProjection.PROCESSING_GROUP, 500, CampaignReadModelProjection.PROCESSING_GROUP, 500);

    @Bean
    ConfigurerModule projectionSegments(PlaymarkInstance instance,
                                        @Value("${playmark.projections.segments}") int segments,
                                        @Value("${playmark.projections.claim-interval}") Duration claimInterval) {
        if (segments < 1) {
            throw new IllegalArgumentException("playmark.projections.segments must be at least 1, was " + segments);
        }
        long claimMillis = claimInterval.toMillis();
        if (!instance.has(InstanceRole.QUERY)) {
            // an instance without the query role never starts its projections; Axon's pooled processor cannot be
            // kept from starting, so these stand by as tracking processors that are not started
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                            .forParallelProcessing(segments).andInitialSegmentsCount(segments).andAutoStart(false)));
        }
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                    .initialSegmentCount(segments).tokenClaimInterval(claimMillis));
            IN_BATCHES.forEach((name, batchSize) -> {
                processing.registerPooledStreamingEventProcessorConfiguration(name,
                        (configuration, builder) -> builder.batchSize(batchSize));
                processing.registerListenerInvocationErrorHandler(name,
                        configuration -> PropagatingErrorHandler.instance());
            });
            for (String name : IN_ONE_SEGMENT) {
                processing.registerPooledStreamingEventProcessorConfiguration(name,
                        (configuration, builder) -> builder.initialSegmentCount(1));
            }
        });
    }
}
