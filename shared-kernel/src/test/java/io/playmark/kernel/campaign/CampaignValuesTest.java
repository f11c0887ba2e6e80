package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignValuesTest {

    @Test
    void a_name_is_stripped_of_surrounding_white_space() {
        assertThat(new CampaignName("  Summer sale ").value()).isEqualTo("Summer sale");
    }

    @Test
    void a_blank_name_is_rejected_naming_the_field() {
        assertThatThrownBy(() -> new CampaignName("   "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("name must not be blank")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("name");
    }

    @Test
    void a_name_may_have_200_characters_but_not_201() {
        assertThat(new CampaignName("x".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new CampaignName("x".repeat(201)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("name must be at most 200 characters, was 201");
    }

    @Test
    void a_campaign_id_must_be_a_uuid_and_is_normalised() {
        assertThat(new CampaignId(" 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ").value())
                .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThatThrownBy(() -> new CampaignId("campaign-1"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("must be a UUID");
    }

    @Test
    void page_sizes_are_bounded() {
        assertThatThrownBy(() -> new FindCampaignsQuery(0, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new FindCampaignsQuery(101, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SearchCampaignsQuery("summer", 0)).isInstanceOf(InvalidValueException.class);
    }
}
