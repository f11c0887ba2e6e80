package io.playmark.command.campaign;

import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CreateCampaignCommand;
import io.playmark.kernel.campaign.RenameCampaignCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An advertiser's campaign: what is sold, to whom. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String name;

    protected Campaign() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Campaign(CreateCampaignCommand command) {
        apply(new CampaignCreatedEvent(command.campaignId().value(), command.name().value(),
                command.advertiser().value()));
    }

    /** Renaming to the current name changes nothing, so a retried rename records no second event. */
    @CommandHandler
    public void handle(RenameCampaignCommand command) {
        if (command.name().value().equals(name)) {
            return;
        }
        apply(new CampaignRenamedEvent(campaignId, command.name().value()));
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        campaignId = event.campaignId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(CampaignRenamedEvent event) {
        name = event.name();
    }
}
