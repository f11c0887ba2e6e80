package io.playmark.query.play;

import io.playmark.kernel.play.PlayRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays for analysts and dashboards: each play's document in Elasticsearch, its hour's rollup and its player's
 * reporting progress. Every write is keyed by the play, so redelivery and replays count nothing twice (ADR 0012).
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
     * Collects the plays of the processor's batch and writes them together when the batch commits (one bulk request,
     * one rollup update per hour and key, one reporting update per player); alone outside a unit of work.
     */
    @EventHandler
    void on(PlayRecordedEvent play) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(play));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<List<PlayRecordedEvent>>getOrComputeResource(PENDING, key -> {
            List<PlayRecordedEvent> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> write(pending));
            return pending;
        }).add(play);
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
