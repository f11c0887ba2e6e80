package io.playmark.query.campaign;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A campaign as dashboards read it.
 *
 * @param version the aggregate sequence number of the last event applied, so that a replayed or
 *                redelivered event never rolls the view back
 */
@Document(CampaignView.COLLECTION)
public record CampaignView(@Id String id, String name, String advertiser, Instant createdAt, Instant updatedAt,
                           long version) {

    public static final String COLLECTION = "campaigns";

    CampaignView renamed(String newName, Instant at, long newVersion) {
        return new CampaignView(id, newName, advertiser, createdAt, at, newVersion);
    }
}
