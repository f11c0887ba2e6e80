package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.Texts;

/** Full-text search over campaign names and advertisers, best matches first. */
public record SearchCampaignsQuery(String text, int first) {

    public static final int MAX_RESULTS = 100;

    public SearchCampaignsQuery {
        text = Texts.requireText("text", text, 500);
        if (first < 1 || first > MAX_RESULTS) {
            throw new InvalidValueException("first", "first must be between 1 and " + MAX_RESULTS + ", was " + first);
        }
    }
}
