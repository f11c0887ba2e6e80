package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** What the campaign is to deliver over its flight. */
@Revision("1")
public record CampaignGoalSetEvent(String campaignId, GoalKind kind, long target) {
}
