package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/**
 * A campaign's new name, and since revision 2 the name it replaced. Renames recorded at revision 1 did not say;
 * they are read with {@code previousName} null (the upcaster from revision 1 adds it so).
 */
@Revision("2")
public record CampaignRenamedEvent(String campaignId, String name, String previousName) {
}
