package io.playmark.command.campaign;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.player.PlayerTarget;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.playmark.kernel.asset.Orientation.LANDSCAPE;
import static io.playmark.kernel.asset.Orientation.PORTRAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Each booking rule, and the field and rule key it is refused under. */
class BookingRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Flight NEXT_WEEK = new Flight(NOW.plusSeconds(86_400), NOW.plusSeconds(8 * 86_400));
    private static final PlayerTarget LOBBIES = new PlayerTarget(null, null, Set.of(new Tag("lobby")), null);

    private final AssetLibrary library = new AssetLibrary();
    private final ReachedPlayers reached = new ReachedPlayers().add("hd-player", LANDSCAPE);
    private final BookingRules rules = new BookingRules(library, reached);

    @Test
    void a_complete_campaign_breaks_no_rule() {
        var creative = new Creative(library.approved(LANDSCAPE, "hd-player"), LANDSCAPE, 1);

        assertThat(rules.check(NEXT_WEEK, LOBBIES, List.of(creative), NOW)).isEmpty();
    }

    @Test
    void an_empty_draft_lacks_a_flight_a_targeting_and_a_creative() {
        assertThat(keys(rules.check(null, null, List.of(), NOW)))
                .containsExactly("flight required", "targeting required", "creatives required");
    }

    @Test
    void a_flight_must_end_in_the_future() {
        var over = new Flight(NOW.minusSeconds(7200), NOW);
        var creative = new Creative(library.approved(LANDSCAPE, "hd-player"), LANDSCAPE, 1);

        assertThat(keys(rules.check(over, LOBBIES, List.of(creative), NOW))).containsExactly("flight.end future");
    }

    @Test
    void each_creative_is_an_existing_approved_asset_in_use_of_its_orientation_that_plays_somewhere() {
        var creatives = List.of(
                new Creative(UUID.randomUUID().toString(), LANDSCAPE, 1),
                new Creative(library.add(Approval.PENDING, AssetStatus.ACTIVE, LANDSCAPE, "hd-player"), LANDSCAPE, 1),
                new Creative(library.add(Approval.APPROVED, AssetStatus.RETIRED, LANDSCAPE, "hd-player"), LANDSCAPE, 1),
                new Creative(library.approved(PORTRAIT, "hd-player"), LANDSCAPE, 1),
                new Creative(library.approved(LANDSCAPE), LANDSCAPE, 1));

        assertThat(keys(rules.check(NEXT_WEEK, LOBBIES, creatives, NOW))).containsExactly(
                "creatives[0].assetId exists",
                "creatives[1].assetId approved",
                "creatives[2].assetId in-use",
                "creatives[3].orientation orientation",
                "creatives[4].assetId playable");
    }

    @Test
    void an_asset_no_targeted_player_of_its_orientation_can_play_is_refused() {
        reached.add("4k-player", PORTRAIT);
        var onlyOn4k = new Creative(library.approved(LANDSCAPE, "4k-player"), LANDSCAPE, 1);

        List<BrokenRule> broken = rules.check(NEXT_WEEK, LOBBIES, List.of(onlyOn4k), NOW);

        assertThat(keys(broken)).containsExactly("creatives[0].assetId playable-by-targeted-player");
        assertThat(broken.getFirst().message()).contains("no targeted LANDSCAPE player", "4k-player");
    }

    @Test
    void a_targeting_that_reaches_no_player_is_refused() {
        var nobody = new BookingRules(library, new ReachedPlayers());
        var creative = new Creative(library.approved(LANDSCAPE, "hd-player"), LANDSCAPE, 1);

        assertThat(keys(nobody.check(NEXT_WEEK, LOBBIES, List.of(creative), NOW)))
                .containsExactly("targeting reaches-players");
    }

    @Test
    void without_an_answer_for_players_a_creative_need_only_play_on_some_configured_profile() {
        var unknown = new BookingRules(library, new ReachedPlayers().unknown());
        var creative = new Creative(library.approved(Orientation.LANDSCAPE, "4k-player"), LANDSCAPE, 1);

        assertThat(unknown.check(NEXT_WEEK, LOBBIES, List.of(creative), NOW)).isEmpty();
    }

    private static List<String> keys(List<BrokenRule> broken) {
        return broken.stream().map(rule -> rule.field() + " " + rule.rule()).toList();
    }
}
