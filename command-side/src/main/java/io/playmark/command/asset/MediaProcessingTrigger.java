package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetContentStoredEvent;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.Sha256;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Asks for every new content version to be probed and rendered. A tracking processor of its own, so that a
 * version stored while processing was down is still processed; never replayed, since that would redo
 * finished work.
 */
@Component
@ProcessingGroup(MediaProcessingTrigger.PROCESSING_GROUP)
class MediaProcessingTrigger {

    static final String PROCESSING_GROUP = "asset-processing";

    private final MediaProcessing processing;

    MediaProcessingTrigger(MediaProcessing processing) {
        this.processing = processing;
    }

    @EventHandler
    @DisallowReplay
    void on(AssetContentStoredEvent event) {
        processing.process(new AssetId(event.assetId()), event.contentVersion(), new Sha256(event.sha256()),
                event.kind());
    }
}
