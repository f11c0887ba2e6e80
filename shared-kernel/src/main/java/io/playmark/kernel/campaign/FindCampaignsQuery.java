package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

/**
 * One page of campaigns, newest first.
 *
 * @param first  how many to return, 1 to {@value #MAX_PAGE_SIZE}
 * @param after  the opaque cursor of the last campaign already seen, or null for the first page
 * @param status only campaigns in this status; null for all
 */
public record FindCampaignsQuery(int first, String after, CampaignStatus status) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindCampaignsQuery {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new InvalidValueException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", was " + first);
        }
    }

    public FindCampaignsQuery(int first, String after) {
        this(first, after, null);
    }
}
