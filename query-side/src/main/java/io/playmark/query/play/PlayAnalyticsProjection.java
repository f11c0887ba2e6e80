package io.playmark.query.play;

import io.playmark.kernel.play.PlayRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Plays for analysts and dashboards: each play's document in Elasticsearch, its hour's rollup and its player's
 * reporting progress. Every write is keyed by the play, so redelivery and replays count nothing twice (ADR 0012).
 */
@Component
@ProcessingGroup(PlayAnalyticsProjection.PROCESSING_GROUP)
public class PlayAnalyticsProjection {

    public static final String PROCESSING_GROUP = "play-analytics";

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

    @EventHandler
    void on(PlayRecordedEvent play) {
        index.create(PlayDocument.of(play, references.of(play)));
        rollups.count(play);
        reporting.reported(play);
    }

    @ResetHandler
    void dropAll() {
        index.dropAll();
        rollups.dropAll();
        reporting.dropAll();
        references.forget();
    }
}
