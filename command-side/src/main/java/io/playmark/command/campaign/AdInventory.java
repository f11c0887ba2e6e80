package io.playmark.command.campaign;

import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.ProposedCampaign;

import java.time.Instant;

/** What the targeted players' ad slots hold for a campaign against those booked already. */
public interface AdInventory {

    AdCapacityReport capacity(ProposedCampaign campaign, Instant now);
}
