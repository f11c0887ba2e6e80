package io.playmark.infra.operations;

import io.playmark.infra.instance.InstanceRole;
import io.playmark.infra.instance.PlaymarkInstance;
import io.playmark.query.rebuild.Rebuild;
import io.playmark.query.rebuild.Rebuilds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Swaps a rebuilt projection in once every one of its segments has replayed up to its reset position, wherever the
 * segments run: each query instance looks, and the one that claims the swap in the rebuild's document does it.
 */
@Component
class RebuildSwaps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildSwaps.class);

    private final Rebuilds rebuilds;
    private final EventProcessors processors;
    private final PlaymarkInstance instance;
    private final Duration interval;
    private ScheduledExecutorService schedule;

    RebuildSwaps(Rebuilds rebuilds, EventProcessors processors, PlaymarkInstance instance,
                 @Value("${playmark.projections.rebuild-swap-interval:500ms}") Duration interval) {
        this.rebuilds = rebuilds;
        this.processors = processors;
        this.instance = instance;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (!instance.has(InstanceRole.QUERY)) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("rebuild-swaps").factory());
        schedule.scheduleWithFixedDelay(this::swapCaughtUp, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void swapCaughtUp() {
        try {
            rebuilds.all().forEach(this::swapIfCaughtUp);
        } catch (RuntimeException e) {
            log.warn("Rebuild swaps skipped this round: {}", e.toString());
        }
    }

    private void swapIfCaughtUp(Rebuild rebuild) {
        try {
            if (processors.replayedToReset(rebuild.processingGroup())) {
                rebuilds.claimSwap(rebuild.processingGroup(), instance.id()).ifPresent(rebuilds::swap);
            }
        } catch (RuntimeException e) {
            // a swap this instance took and failed at is taken over (by any instance) after its timeout
            log.warn("Rebuild swap of {} failed, to be tried again: {}", rebuild.processingGroup(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
