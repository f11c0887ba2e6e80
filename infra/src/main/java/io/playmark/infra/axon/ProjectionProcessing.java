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
import java.util.concurrent.TimeUnit;

/**
 * How projections share their work between instances: each projection's stream is split into
 * {@code playmark.projections.segments} segments (by aggregate, so one aggregate's events stay in order),
 * claimed through the shared token store. An instance has a thread per segment, so a single instance processes
 * them all; with more instances each takes its share. The projections of every play ({@link #POOLED}) are pooled
 * streaming processors, which read the stream once for all their segments; the others are tracking processors,
 * which follow the store at once (ADR 0025). Only instances with the {@code query} role start their projections.
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

    /**
     * Projections that take in every play, and so fall behind under ingestion, where a tracking processor would read
     * the stream once per segment: pooled streaming processors, one read for all segments. Axon's pooled processor
     * looks for new events every 500 ms once it has caught up (the event store cannot call it back), so the
     * projections that read-your-writes waits for stay tracking processors.
     */
    static final List<String> POOLED = List.of(PlayAnalyticsProjection.PROCESSING_GROUP,
            AuditSearchProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule projectionSegments(PlaymarkInstance instance,
                                        @Value("${playmark.projections.segments}") int segments,
                                        @Value("${playmark.projections.claim-interval}") Duration claimInterval) {
        if (segments < 1) {
            throw new IllegalArgumentException("playmark.projections.segments must be at least 1, was " + segments);
        }
        boolean autoStart = instance.has(InstanceRole.QUERY);
        long claimMillis = claimInterval.toMillis();
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                    .forParallelProcessing(segments)
                    .andInitialSegmentsCount(segments)
                    .andTokenClaimInterval(claimMillis, TimeUnit.MILLISECONDS)
                    .andAutoStart(autoStart));
            IN_BATCHES.forEach((name, batchSize) -> {
                // Axon always starts a pooled processor: an instance without the query role keeps tracking ones
                if (autoStart && POOLED.contains(name)) {
                    processing.registerPooledStreamingEventProcessor(name);
                    processing.registerPooledStreamingEventProcessorConfiguration(name, (configuration, builder) ->
                            builder.initialSegmentCount(segments).batchSize(batchSize).tokenClaimInterval(claimMillis));
                } else {
                    processing.registerTrackingEventProcessorConfiguration(name, configuration ->
                            TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                    .andInitialSegmentsCount(segments)
                                    .andBatchSize(batchSize)
                                    .andTokenClaimInterval(claimMillis, TimeUnit.MILLISECONDS)
                                    .andAutoStart(autoStart));
                }
                processing.registerListenerInvocationErrorHandler(name,
                        configuration -> PropagatingErrorHandler.instance());
            });
            for (String name : IN_ONE_SEGMENT) {
                processing.registerTrackingEventProcessorConfiguration(name, configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andTokenClaimInterval(claimMillis, TimeUnit.MILLISECONDS)
                                .andAutoStart(autoStart));
            }
        });
    }
}
