package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** The campaign's priority tier, and whether a higher tier may preempt it. */
@Revision("1")
public record CampaignPrioritySetEvent(String campaignId, PriorityTier tier, boolean preemptible) {
}
