package io.playmark.query.campaign;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.campaign.Advertiser;
import io.playmark.kernel.campaign.ArchiveCampaignCommand;
import io.playmark.kernel.campaign.BookCampaignCommand;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.PauseCampaignCommand;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ResumeCampaignCommand;
import io.playmark.kernel.campaign.SetCampaignCapsCommand;
import io.playmark.kernel.campaign.SetCampaignCreativesCommand;
import io.playmark.kernel.campaign.SetCampaignDaypartsCommand;
import io.playmark.kernel.campaign.SetCampaignFlightCommand;
import io.playmark.kernel.campaign.SetCampaignGoalCommand;
import io.playmark.kernel.campaign.SetCampaignPriorityCommand;
import io.playmark.kernel.campaign.SetCampaignSeparationCommand;
import io.playmark.kernel.campaign.SetCampaignTargetingCommand;
import io.playmark.kernel.campaign.UnbookCampaignCommand;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.query.campaign.CampaignInputs.CompetitiveSeparationInput;
import io.playmark.query.campaign.CampaignInputs.CreativeInput;
import io.playmark.query.campaign.CampaignInputs.DaypartInput;
import io.playmark.query.campaign.CampaignInputs.FlightInput;
import io.playmark.query.campaign.CampaignInputs.FrequencyCapsInput;
import io.playmark.query.campaign.CampaignInputs.GoalInput;
import io.playmark.query.campaign.CampaignInputs.TargetingInput;
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
import java.util.Objects;
import java.util.function.Function;

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
    CampaignConnection campaigns(@Argument int first, @Argument String after, @Argument CampaignStatus status) {
        CampaignPage page = queries.query(new FindCampaignsQuery(first, after, status),
                ResponseTypes.instanceOf(CampaignPage.class)).join();
        return CampaignConnection.of(page, after != null);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    List<CampaignView> searchCampaigns(@Argument String text, @Argument int first) {
        // hits name the campaigns; the read model answers them whole
        return queries.query(new SearchCampaignsQuery(text, first),
                        ResponseTypes.multipleInstancesOf(CampaignSearchDocument.class)).join().stream()
                .map(hit -> queries.query(new FindCampaignQuery(new CampaignId(hit.id())),
                        ResponseTypes.instanceOf(CampaignView.class)).join())
                .filter(Objects::nonNull).toList();
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
        CampaignName newName = new CampaignName(name);
        return change(id, campaignId -> new RenameCampaignCommand(campaignId, newName));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignFlight(@Argument String id, @Argument FlightInput flight) {
        Flight value = flight.flight();
        return change(id, campaignId -> new SetCampaignFlightCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignDayparts(@Argument String id, @Argument List<DaypartInput> dayparts) {
        Dayparts value = DaypartInput.dayparts(dayparts);
        return change(id, campaignId -> new SetCampaignDaypartsCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignTargeting(@Argument String id, @Argument TargetingInput targeting) {
        PlayerTarget value = targeting.target();
        return change(id, campaignId -> new SetCampaignTargetingCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignCreatives(@Argument String id, @Argument List<CreativeInput> creatives) {
        List<Creative> value = creatives.stream().map(CreativeInput::creative).toList();
        return change(id, campaignId -> new SetCampaignCreativesCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignPriority(@Argument String id, @Argument PriorityTier tier, @Argument boolean preemptible) {
        return change(id, campaignId -> new SetCampaignPriorityCommand(campaignId, tier, preemptible));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignGoal(@Argument String id, @Argument GoalInput goal) {
        Goal value = goal.goal();
        return change(id, campaignId -> new SetCampaignGoalCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignCaps(@Argument String id, @Argument FrequencyCapsInput caps) {
        FrequencyCaps value = caps.caps();
        return change(id, campaignId -> new SetCampaignCapsCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView setCampaignSeparation(@Argument String id, @Argument CompetitiveSeparationInput separation) {
        CompetitiveSeparation value = separation == null ? null : separation.separation();
        return change(id, campaignId -> new SetCampaignSeparationCommand(campaignId, value));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView bookCampaign(@Argument String id, @Argument boolean dryRun) {
        return change(id, campaignId -> new BookCampaignCommand(campaignId, dryRun));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView unbookCampaign(@Argument String id) {
        return change(id, UnbookCampaignCommand::new);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView pauseCampaign(@Argument String id) {
        return change(id, PauseCampaignCommand::new);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView resumeCampaign(@Argument String id) {
        return change(id, ResumeCampaignCommand::new);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    CampaignView archiveCampaign(@Argument String id) {
        return change(id, ArchiveCampaignCommand::new);
    }

    /** Sends the change and answers the campaign once its projections have it. */
    private CampaignView change(String id, Function<CampaignId, Object> command) {
        CampaignId campaignId = new CampaignId(id);
        try {
            commands.sendAndWait(command.apply(campaignId));
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
