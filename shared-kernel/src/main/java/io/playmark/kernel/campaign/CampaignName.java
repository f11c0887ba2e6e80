package io.playmark.kernel.campaign;

import io.playmark.kernel.Texts;

/** A campaign's display name: not blank, at most 200 characters, surrounding white space dropped. */
public record CampaignName(String value) {

    public static final int MAX_LENGTH = 200;

    public CampaignName {
        value = Texts.requireText("name", value, MAX_LENGTH);
    }
}
