package io.playmark.query.decisioning;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.playmark.query.decisioning.DecisioningFixtures.ALL_YEAR;
import static io.playmark.query.decisioning.DecisioningFixtures.BERLIN;
import static io.playmark.query.decisioning.DecisioningFixtures.asset;
import static io.playmark.query.decisioning.DecisioningFixtures.entry;
import static io.playmark.query.decisioning.DecisioningFixtures.id;
import static io.playmark.query.decisioning.DecisioningFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PastPlaylistsTest {

    private static final TargetedPlayer PLAYER = player(BERLIN);
    /** Midnight in Berlin: the loop (20 s of content, then a 10 s ad slot) is phased from it. */
    private static final Instant MIDNIGHT = Instant.parse("2026-12-02T23:00:00Z");

    private final List<Instant[]> asked = new ArrayList<>();
    private final PastPlaylists playlists = new PastPlaylists((player, at, from, to) -> {
        asked.add(new Instant[] {from, to});
        return player.equals(PLAYER.id()) ? Optional.of(inputs()) : Optional.empty();
    });

    @Test
    void the_moment_in_an_ad_slot_names_the_winner_and_why_the_other_campaign_lost() {
        Instant at = MIDNIGHT.plusSeconds(25);

        PastPlaylist past = playlists.at(PLAYER.id(), at, (Instant) null, null).orElseThrow();

        assertThat(asked).singleElement().satisfies(window -> assertThat(window)
                .containsExactly(MIDNIGHT, MIDNIGHT.plus(Duration.ofHours(1))));
        assertThat(past.timeline().from()).isEqualTo(MIDNIGHT);
        assertThat(past.timeline().items()).hasSize(120 * 2);
        assertThat(past.playing().kind()).isEqualTo("AD");
        assertThat(past.playing().assetId()).isEqualTo(creative("Sponsor").assetId());
        assertThat(past.adSlot().winner()).isEqualTo(id("Sponsor"));
        assertThat(past.adSlot().start()).isEqualTo(MIDNIGHT.plusSeconds(20));
        assertThat(past.adSlot().campaigns()).extracting(PastPlaylist.Decision::campaignName,
                        PastPlaylist.Decision::plays, PastPlaylist.Decision::reason)
                .containsExactly(tuple("Sponsor", true, Reason.PLAYS),
                        tuple("Standard", false, Reason.PREEMPTED));
    }

    @Test
    void the_moment_in_content_has_no_ad_slot() {
        PastPlaylist past = playlists.at(PLAYER.id(), MIDNIGHT.plusSeconds(65), (Instant) null, null).orElseThrow();

        assertThat(past.playing().kind()).isEqualTo("CONTENT");
        assertThat(past.playing().assetId()).isEqualTo(id("asset slide"));
        assertThat(past.adSlot()).isNull();
    }

    @Test
    void a_window_given_must_hold_the_moment_and_have_both_ends() {
        Instant at = MIDNIGHT.plusSeconds(25);
        assertThat(playlists.at(PLAYER.id(), at, MIDNIGHT.minusSeconds(3600), MIDNIGHT.plusSeconds(3600))
                .orElseThrow().timeline().to()).isEqualTo(MIDNIGHT.plusSeconds(3600));
        assertThatThrownBy(() -> playlists.at(PLAYER.id(), at, at.plusSeconds(1), at.plusSeconds(60)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> playlists.at(PLAYER.id(), at, at.minusSeconds(1), null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> playlists.at(PLAYER.id(), at, "yesterday", null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_player_not_in_service_then_has_no_past_playlist() {
        assertThat(playlists.at(new PlayerId(id("other")), MIDNIGHT, (Instant) null, null))
                .isEmpty();
    }

    private static PastDecisionInputs.PastInputs inputs() {
        ScheduledPlaylist loop = entry("loop", List.of(asset("slide", 20)), AdSlots.slots(1, Duration.ofSeconds(10)),
                1, MIDNIGHT, MIDNIGHT.plus(Duration.ofDays(1)));
        PlayerTarget screen = new PlayerTarget(Set.of(PLAYER.id()), Set.of(), Set.of(), null);
        List<CampaignPlan> plans = List.of(plan("Sponsor", PriorityTier.SPONSORSHIP, screen),
                plan("Standard", PriorityTier.STANDARD, screen));
        return new PastDecisionInputs.PastInputs(new PlayerMembership(PLAYER, Set.of()), List.of(loop), plans,
                Map.of(id("asset slide"), file(id("asset slide")),
                        creative("Sponsor").assetId(), file(creative("Sponsor").assetId()),
                        creative("Standard").assetId(), file(creative("Standard").assetId())));
    }

    private static CampaignPlan plan(String name, PriorityTier tier, PlayerTarget target) {
        return new CampaignPlan(new CampaignId(id(name)), name, "Acme", CampaignStatus.ACTIVE, ALL_YEAR, null, target,
                List.of(creative(name)), tier, true, null, null, null);
    }

    private static Creative creative(String campaign) {
        return new Creative(id("creative " + campaign), Orientation.LANDSCAPE, 1);
    }

    private static PlayableFile file(String assetId) {
        return new PlayableFile(assetId, "File " + assetId, "ORIGINAL", "/api/v1/assets/" + assetId + "/content",
                "0".repeat(64), 1_000, "image/png", null);
    }
}
