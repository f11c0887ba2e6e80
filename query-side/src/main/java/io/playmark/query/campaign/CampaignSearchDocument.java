package io.playmark.query.campaign;

import java.time.Instant;

/**
 * A campaign as the {@value CampaignSearchIndex#ALIAS} index in Elasticsearch holds it: the same fields
 * as {@link CampaignView}, so a search hit answers without a second read.
 */
public record CampaignSearchDocument(String id, String name, String advertiser, Instant createdAt,
                                     Instant updatedAt, long version) {

    CampaignSearchDocument renamed(String newName, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, newName, advertiser, createdAt, at, newVersion);
    }
}
