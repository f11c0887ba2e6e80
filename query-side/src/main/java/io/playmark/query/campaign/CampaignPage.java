package io.playmark.query.campaign;

import java.util.List;

/** One page of campaigns; {@code cursors} holds the opaque cursor of each item, in the same order. */
public record CampaignPage(List<CampaignView> items, List<String> cursors, boolean hasNextPage) {
}
