package io.playmark.query.campaign;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.campaign.Advertiser;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignName;
import io.playmark.kernel.campaign.CreateCampaignCommand;
import io.playmark.kernel.campaign.FindCampaignQuery;
import io.playmark.kernel.campaign.FindCampaignsQuery;
import io.playmark.kernel.campaign.RenameCampaignCommand;
import io.playmark.kernel.campaign.SearchCampaignsQuery;
import io.playmark.query.consistency.ProjectionCatchUp;
import io.playmark.kernel.ConflictException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * Campaigns over GraphQL. Mutations send commands through Axon and answer once this campaign's
 * projections have caught up, so that a dashboard reads its own write.
 */
@Controller
class CampaignGraphQlController {

    private static final List<String> PROJECTIONS =
            List.of(CampaignReadModelProjection.PROCESSING_GROUP, CampaignSearchProjection.PROCESSING_GROUP);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;

    CampaignGraphQlController(CommandGateway commands, QueryGateway queries, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    record CreateCampaignInput(String id, String name, String advertiser) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    CampaignView campaign(@Argument String id) {
        return find(new CampaignId(id));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    CampaignConnection campaigns(@Argument int first, @Argument String after) {
        CampaignPage page = queries.query(new FindCampaignsQuery(first, after),
                ResponseTypes.instanceOf(CampaignPage.class)).join();
        return CampaignConnection.of(page, after != null);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    List<CampaignSearchDocument> searchCampaigns(@Argument String text, @Argument int first) {
        return queries.query(new SearchCampaignsQuery(text, first),
                ResponseTypes.multipleInstancesOf(CampaignSearchDocument.class)).join();
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView createCampaign(@Argument CreateCampaignInput input) {
        CampaignId id = input.id() == null ? CampaignId.random() : new CampaignId(input.id());
        var command = new CreateCampaignCommand(id, new CampaignName(input.name()), new Advertiser(input.advertiser()));
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyCreated) {
            return sameCampaignOrConflict(command);
        }
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return find(id);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView renameCampaign(@Argument String id, @Argument String name) {
        CampaignId campaignId = new CampaignId(id);
        try {
            commands.sendAndWait(new RenameCampaignCommand(campaignId, new CampaignName(name)));
        } catch (AggregateNotFoundException unknown) {
            throw notFound(campaignId);
        }
        catchUp.awaitCaughtUp(campaignId.value(), PROJECTIONS);
        return find(campaignId);
    }

    /** A retried create finds its campaign already there: the same values make it a success. */
    private CampaignView sameCampaignOrConflict(CreateCampaignCommand command) {
        catchUp.awaitCaughtUp(command.campaignId().value(), PROJECTIONS);
        CampaignView existing = find(command.campaignId());
        if (existing.name().equals(command.name().value())
                && existing.advertiser().equals(command.advertiser().value())) {
            return existing;
        }
        throw new ConflictException("Campaign " + command.campaignId() + " already exists with other values");
    }

    private CampaignView find(CampaignId id) {
        CampaignView view = queries.query(new FindCampaignQuery(id), ResponseTypes.instanceOf(CampaignView.class))
                .join();
        if (view == null) {
            throw notFound(id);
        }
        return view;
    }

    private static NotFoundException notFound(CampaignId id) {
        return new NotFoundException("No campaign with id " + id);
    }
}
