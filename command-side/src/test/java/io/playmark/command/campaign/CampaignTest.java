package io.playmark.command.campaign;

import io.playmark.kernel.campaign.Advertiser;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignName;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CreateCampaignCommand;
import io.playmark.kernel.campaign.RenameCampaignCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final CampaignId ID = new CampaignId("5b1e9c52-64a4-4f4e-9a39-0c1f2b7d8e11");

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void creating_a_campaign_records_its_name_and_advertiser() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, new CampaignName(" Summer sale "), new Advertiser("Acme")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignCreatedEvent(ID.value(), "Summer sale", "Acme"));
    }

    @Test
    void renaming_a_campaign_records_the_new_name_and_the_one_it_replaced() {
        fixture.given(new CampaignCreatedEvent(ID.value(), "Summer sale", "Acme"))
                .when(new RenameCampaignCommand(ID, new CampaignName("Autumn sale")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignRenamedEvent(ID.value(), "Autumn sale", "Summer sale"));
    }

    @Test
    void renaming_to_the_current_name_records_nothing_so_retries_are_harmless() {
        fixture.given(new CampaignCreatedEvent(ID.value(), "Summer sale", "Acme"),
                        new CampaignRenamedEvent(ID.value(), "Autumn sale", "Summer sale"))
                .when(new RenameCampaignCommand(ID, new CampaignName("Autumn sale")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renaming_a_campaign_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new RenameCampaignCommand(ID, new CampaignName("Autumn sale")))
                .expectException(AggregateNotFoundException.class);
    }
}
