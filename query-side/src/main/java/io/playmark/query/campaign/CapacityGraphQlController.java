package io.playmark.query.campaign;

import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.FindAdCapacityQuery;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.query.campaign.CampaignInputs.AvailabilityInput;
import io.playmark.query.graphql.KeyConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Capacity over GraphQL: what a proposed campaign could get (availability), and whether a booked one is at risk,
 * that is, its goal no longer fits what equal and better tiers leave it (a sponsorship booked over it). Both are
 * worked out when asked, from the read models, so they are always current.
 */
@Controller
class CapacityGraphQlController {

    private final AdInventory inventory;

    CapacityGraphQlController(AdInventory inventory) {
        this.inventory = inventory;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST')")
    AdCapacityReport campaignAvailability(@Argument AvailabilityInput input) {
        return inventory.find(new FindAdCapacityQuery(input.campaign(), Instant.now()));
    }

    /** Only a booked, active or paused campaign with a flight and a targeting has a capacity to speak of. */
    @SchemaMapping(typeName = "Campaign")
    AdCapacityReport capacity(CampaignView campaign) {
        return booked(campaign).map(proposal -> inventory.find(new FindAdCapacityQuery(proposal, Instant.now())))
                .orElse(null);
    }

    @SchemaMapping(typeName = "Campaign")
    boolean atRisk(CampaignView campaign) {
        return booked(campaign).filter(proposal -> proposal.goal() != null)
                .map(proposal -> inventory.find(new FindAdCapacityQuery(proposal, Instant.now())).shortfallCount() > 0)
                .orElse(false);
    }

    @SchemaMapping(typeName = "CapacityReport")
    long totalPlays(AdCapacityReport report) {
        return report.totalPlays();
    }

    @SchemaMapping(typeName = "CapacityReport")
    KeyConnection<AdCapacityReport.PlayerAvailability> players(AdCapacityReport report, @Argument int first,
                                                               @Argument String after) {
        KeyConnection.requireSize(first);
        String from = KeyConnection.keyOf(after);
        return KeyConnection.of(report.players().stream()
                        .sorted(Comparator.comparing(AdCapacityReport.PlayerAvailability::playerId))
                        .filter(player -> from == null || player.playerId().compareTo(from) > 0)
                        .limit(first + 1L).toList(),
                AdCapacityReport.PlayerAvailability::playerId, first, from != null);
    }

    private static Optional<ProposedCampaign> booked(CampaignView campaign) {
        return campaign.status().isBooked() ? campaign.proposal() : Optional.empty();
    }
}
