package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

import java.util.UUID;

/** Identifies a campaign; a UUID, so that clients can choose it up front and retry a create safely. */
public record CampaignId(String value) {

    public CampaignId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("id", "campaign id must not be blank");
        }
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidValueException("id", "campaign id must be a UUID, was '" + value + "'");
        }
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
