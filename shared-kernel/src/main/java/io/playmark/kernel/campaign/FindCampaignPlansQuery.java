package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

import java.time.Instant;

/**
 * The booked, active and paused campaigns whose flight overlaps [from, to), answered as a
 * {@code List<CampaignPlan>} in id order: every campaign that may play, or be explained, in the window.
 */
public record FindCampaignPlansQuery(Instant from, Instant to) {

    public FindCampaignPlansQuery {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidValueException("from", "a window needs a start before its end");
        }
    }
}
