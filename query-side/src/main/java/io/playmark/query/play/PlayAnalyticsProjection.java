package io.playmark.query.play;

import io.playmark.kernel.play.PlayRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays for analysts and dashboards: each play's document in Elasticsearch, its hour's rollup and its player's
 * reporting progress. Every write is keyed by the play, so redelivery and replays count nothing twice (ADR 0014).
 */
@Component
@ProcessingGroup(PlayAnalyticsProjection.PROCESSING_GROUP)
public class PlayAnalyticsProjection {

    public static final String PROCESSING_GROUP = "play-analytics";
    private static final String PENDING = PlayAnalyticsProjection.class.getName() + ".pending";

    private final PlayIndex index;
    private final PlayReferences references;
    private final PlayRollups rollups;
    private final PlayReporting reporting;

    PlayAnalyticsProjection(PlayIndex index, PlayReferences references, PlayRollups rollups, PlayReporting reporting) {
        this.index = index;
        this.references = references;
        this.rollups = rollups;
        this.reporting = reporting;
        index.ensureTemplate();
    }

    /**
     * Collects the plays of the processor's batch and writes them together with its last one (one bulk request, one
     * rollup update per hour and key, one reporting update per player); alone outside a batch. Written before the
     * batch commits, so that a failed write fails the batch (the processor propagates handler errors) before its
     * token is stored, and the batch is handled again.
     */
    @EventHandler
    void on(PlayRecordedEvent play) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            write(List.of(play));
            return;
        }
        List<PlayRecordedEvent> pending = batch.getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(play);
        if (batch.isLastMessage()) {
            write(pending);
        }
    }

    private void write(List<PlayRecordedEvent> plays) {
        index.createAll(plays.stream().map(play -> PlayDocument.of(play, references.of(play))).toList());
        rollups.countAll(plays);
        reporting.reported(plays);
    }

    @ResetHandler
    void dropAll() {
        index.dropAll();
        rollups.dropAll();
        reporting.dropAll();
        references.forget();
    }
}
