package io.playmark.kernel.campaign;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a campaign; a UUID, so that clients can choose it up front and retry a create safely. */
public record CampaignId(String value) {

    public CampaignId {
        value = Ids.requireUuid("id", "campaign id", value);
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
