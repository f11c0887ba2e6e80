package io.playmark.infra.instance;

import io.playmark.query.consistency.ProcessorTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares projection segments fairly between the instances with the query role. Axon lets an instance claim
 * every segment nobody holds, so the first instance to start takes them all; every claim interval each
 * instance beats in the {@link InstanceRegistry} and, holding more than its share of a projection's
 * segments (all segments over the live query instances, rounded up), releases the surplus for a few
 * intervals, long enough for an instance with free threads to claim it. A killed instance's segments
 * are claimed by the others once its claims time out.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final InstanceRegistry registry;
    private final PlaymarkInstance instance;
    private final EventProcessingConfiguration processing;
    private final ProcessorTokens storedTokens;
    private final Duration claimInterval;
    private final Duration claimTimeout;
    private ScheduledExecutorService schedule;

    SegmentBalancer(InstanceRegistry registry, PlaymarkInstance instance, EventProcessingConfiguration processing,
                    ProcessorTokens storedTokens,
                    @Value("${playmark.projections.claim-interval}") Duration claimInterval,
                    @Value("${playmark.projections.claim-timeout}") Duration claimTimeout) {
        this.registry = registry;
        this.instance = instance;
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.claimInterval = claimInterval;
        this.claimTimeout = claimTimeout;
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("segment-balancer").factory());
        schedule.scheduleWithFixedDelay(this::beatAndBalance, 0, claimInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beatAndBalance() {
        try {
            boolean projecting = instance.has(InstanceRole.QUERY) && processing.eventProcessors().values().stream()
                    .allMatch(EventProcessor::isRunning);
            registry.beat(projecting);
            if (projecting) {
                // only instances whose projections run can take a released segment
                long queryInstances = registry.live(claimTimeout).stream().filter(InstanceRegistry.LiveInstance::projecting)
                        .count();
                processing.eventProcessors().values().forEach(processor -> balance(processor, queryInstances));
            }
        } catch (RuntimeException e) {
            // the next round tries again; a store that is down shows in health
            log.warn("Segment balancing skipped this round: {}", e.toString());
        }
    }

    private void balance(EventProcessor processor, long queryInstances) {
        if (!(processor instanceof StreamingEventProcessor streaming) || queryInstances < 1) {
            return;
        }
        int segments = storedTokens.storedSegments(processor.getName()).size();
        int share = (int) Math.ceil((double) segments / queryInstances);
        List<Integer> held = streaming.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (int surplus = held.size() - share, i = 0; i < surplus; i++) {
            log.info("Releasing segment {} of {}: this instance holds {} of {} segments, its share with {} query "
                    + "instances is {}", held.get(i), processor.getName(), held.size(), segments, queryInstances, share);
            streaming.releaseSegment(held.get(i), claimInterval.toMillis() * 3, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            try {
                // a beat still under way would write the heartbeat again after it is removed
                schedule.awaitTermination(claimInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            schedule = null;
            registry.leave();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
