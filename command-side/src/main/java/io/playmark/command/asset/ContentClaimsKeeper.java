package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetDeletedEvent;
import io.playmark.kernel.asset.AssetId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Frees a deleted asset's content, so that uploading the same file again makes a new asset. */
@Component
@ProcessingGroup(ContentClaimsKeeper.PROCESSING_GROUP)
class ContentClaimsKeeper {

    static final String PROCESSING_GROUP = "asset-content-claims";

    private final ContentClaims claims;

    ContentClaimsKeeper(ContentClaims claims) {
        this.claims = claims;
    }

    @EventHandler
    void on(AssetDeletedEvent event) {
        claims.releaseAll(new AssetId(event.assetId()));
    }
}
