package io.playmark.query.campaign;

import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.PriorityTier;

import java.time.Instant;

/**
 * A campaign as the {@value CampaignSearchIndex#ALIAS} index in Elasticsearch holds it: what analysts search and
 * filter by (name, advertiser, its category, status, tier and flight).
 */
public record CampaignSearchDocument(String id, String name, String advertiser, String category, CampaignStatus status,
                                     PriorityTier tier, Instant flightStart, Instant flightEnd, Instant createdAt,
                                     Instant updatedAt, long version) {

    static CampaignSearchDocument created(String id, String name, String advertiser, Instant at, long version) {
        return new CampaignSearchDocument(id, name, advertiser, null, CampaignStatus.DRAFT, PriorityTier.STANDARD,
                null, null, at, at, version);
    }

    CampaignSearchDocument renamed(String newName, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, newName, advertiser, category, status, tier, flightStart, flightEnd,
                createdAt, at, newVersion);
    }

    CampaignSearchDocument categorised(String newCategory, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, name, advertiser, newCategory, status, tier, flightStart, flightEnd,
                createdAt, at, newVersion);
    }

    CampaignSearchDocument withStatus(CampaignStatus newStatus, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, name, advertiser, category, newStatus, tier, flightStart, flightEnd,
                createdAt, at, newVersion);
    }

    CampaignSearchDocument withTier(PriorityTier newTier, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, name, advertiser, category, status, newTier, flightStart, flightEnd,
                createdAt, at, newVersion);
    }

    CampaignSearchDocument withFlight(Instant start, Instant end, Instant at, long newVersion) {
        return new CampaignSearchDocument(id, name, advertiser, category, status, tier, start, end, createdAt, at,
                newVersion);
    }
}
