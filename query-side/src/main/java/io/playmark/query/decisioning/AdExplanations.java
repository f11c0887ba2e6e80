package io.playmark.query.decisioning;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.FindCampaignPlanQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Explain over the read models: gathers a player's inputs around an instant and asks the {@link AdExplainer}. */
@Component
class AdExplanations {

    @Schema(name = "AdExplanation", description = "Why a campaign's ad plays on a player at a moment, or why not")
    record Answer(@Schema(description = "The player") String playerId,
                  @Schema(description = "The campaign") String campaignId,
                  @Schema(description = "The moment asked about (UTC)") Instant at,
                  @Schema(description = "That moment on the player's wall clock, with its offset") OffsetDateTime localTime,
                  @Schema(description = "The player's IANA time zone") String timeZone,
                  @Schema(description = "Whether the ad plays then") boolean plays,
                  @Schema(description = "The reason, one of the decisioning reasons") Reason reason,
                  @Schema(description = "The detail a person needs to act on it") String detail) {
    }

    private final DecisionInputs inputs;
    private final QueryGateway queries;
    private final AdExplainer explainer = new AdExplainer();

    AdExplanations(DecisionInputs inputs, QueryGateway queries) {
        this.inputs = inputs;
        this.queries = queries;
    }

    Answer explain(PlayerId playerId, CampaignId campaignId, Instant at) {
        CampaignPlan plan = queries.query(new FindCampaignPlanQuery(campaignId),
                ResponseTypes.instanceOf(CampaignPlan.class)).join();
        if (plan == null) {
            throw new NotFoundException("No campaign with id " + campaignId.value());
        }
        DecisionInputs.Inputs around = inputs.around(playerId, at);
        boolean targeted = plan.target() != null && around.membership().targetedBy(plan.target());
        if (targeted) {
            around = inputs.including(around, plan);
        }
        TargetedPlayer player = around.player();
        DecisionCampaign campaign = around.campaigns().stream().filter(c -> c.id().equals(plan.id())).findFirst()
                .orElseGet(() -> DecisionCampaign.of(plan, creative -> false, null));
        Explanation explanation = explainer.explain(player, around.entries(), around.campaigns(), campaign, at);
        return new Answer(playerId.value(), campaignId.value(), at, at.atZone(player.zone()).toOffsetDateTime(),
                player.zone().getId(), explanation.reason() == Reason.PLAYS, explanation.reason(),
                explanation.detail());
    }
}
