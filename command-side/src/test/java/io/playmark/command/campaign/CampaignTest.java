package io.playmark.command.campaign;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.Advertiser;
import io.playmark.kernel.campaign.CampaignCapsSetEvent;
import io.playmark.kernel.campaign.CampaignCreatedEvent;
import io.playmark.kernel.campaign.CampaignCreativesSetEvent;
import io.playmark.kernel.campaign.CampaignFlightSetEvent;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignName;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignPrioritySetEvent;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import io.playmark.kernel.campaign.CampaignSeparationSetEvent;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.CampaignStatusChangedEvent;
import io.playmark.kernel.campaign.CampaignTargetingSetEvent;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.CreateCampaignCommand;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.RenameCampaignCommand;
import io.playmark.kernel.campaign.Targeting;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void the_plan_decisioning_reads_is_the_campaign_as_its_events_left_it() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Targeting lobbies = new Targeting(List.of(), List.of(), List.of("lobby"), null, null, null);
        Creative creative = new Creative("3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0", Orientation.LANDSCAPE, 2);
        fixture.given(new CampaignCreatedEvent(ID.value(), "Summer sale", "Acme"),
                        new CampaignFlightSetEvent(ID.value(), start, start.plus(Duration.ofDays(7))),
                        new CampaignTargetingSetEvent(ID.value(), lobbies),
                        new CampaignCreativesSetEvent(ID.value(), List.of(creative)),
                        new CampaignPrioritySetEvent(ID.value(), PriorityTier.SPONSORSHIP, false),
                        new CampaignCapsSetEvent(ID.value(), 3, null, 10),
                        new CampaignSeparationSetEvent(ID.value(), "soda", 15),
                        new CampaignStatusChangedEvent(ID.value(), CampaignStatus.DRAFT, CampaignStatus.BOOKED,
                                "booked"))
                .when(new RenameCampaignCommand(ID, new CampaignName("Summer sale")))
                .expectNoEvents()
                .expectState(campaign -> assertThat(campaign.plan()).isEqualTo(new CampaignPlan(ID, "Summer sale",
                        null, CampaignStatus.BOOKED, new Flight(start, start.plus(Duration.ofDays(7))),
                        Dayparts.ALWAYS, lobbies.toTarget(), List.of(creative), PriorityTier.SPONSORSHIP, false, null,
                        new FrequencyCaps(3, null, 10), new CompetitiveSeparation("soda", 15))));
    }
}
