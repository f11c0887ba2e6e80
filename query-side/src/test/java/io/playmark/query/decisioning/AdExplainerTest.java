package io.playmark.query.decisioning;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.CampaignStatus;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.playmark.query.decisioning.DecisioningFixtures.BERLIN;
import static io.playmark.query.decisioning.DecisioningFixtures.adsOnly;
import static io.playmark.query.decisioning.DecisioningFixtures.asset;
import static io.playmark.query.decisioning.DecisioningFixtures.berlin;
import static io.playmark.query.decisioning.DecisioningFixtures.campaign;
import static io.playmark.query.decisioning.DecisioningFixtures.daypart;
import static io.playmark.query.decisioning.DecisioningFixtures.entry;
import static io.playmark.query.decisioning.DecisioningFixtures.id;
import static io.playmark.query.decisioning.DecisioningFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Why the campaign "asked" plays, or does not play, on the Berlin lobby screen at 10:05 on Friday 27 March 2026. */
class AdExplainerTest {

    private static final Instant AT = berlin("2026-03-27T10:05");
    private static final Instant DAY_START = berlin("2026-03-27T00:00");
    private static final List<ScheduledPlaylist> ADS_EVERY_MINUTE = List.of(adsOnly(DAY_START, DAY_START.plus(Duration.ofDays(1))));
    private static final DecisionCampaign SPONSOR = campaign("sponsor").tier(PriorityTier.SPONSORSHIP).build();

    private record Case(DecisionCampaign asked, List<DecisionCampaign> targeting, List<ScheduledPlaylist> entries) {
        Case {
            targeting = targeting == null ? List.of(asked, campaign("filler").tier(PriorityTier.HOUSE).build())
                    : targeting;
        }

        static Case alone(DecisionCampaign asked) {
            return new Case(asked, List.of(asked), ADS_EVERY_MINUTE);
        }
    }

    static Stream<Arguments> cases() {
        DecisionCampaign plain = campaign("asked").build();
        return Stream.of(
                arguments("alone and eligible", Case.alone(plain), Reason.PLAYS, "ad slot from"),
                arguments("another player's campaign", new Case(plain, List.of(SPONSOR), ADS_EVERY_MINUTE),
                        Reason.NOT_TARGETED, "does not target"),
                arguments("paused", Case.alone(campaign("asked").status(CampaignStatus.PAUSED).build()),
                        Reason.PAUSED, "paused"),
                arguments("a draft", Case.alone(campaign("asked").status(CampaignStatus.DRAFT).build()),
                        Reason.NOT_ACTIVE, "DRAFT"),
                arguments("flight starts at noon", Case.alone(campaign("asked").flight(new Flight(
                        berlin("2026-03-27T12:00"), berlin("2026-03-28T12:00"))).build()),
                        Reason.OUT_OF_FLIGHT, "2026-03-27T11:00:00Z"),
                arguments("evening daypart", Case.alone(campaign("asked")
                                .dayparts(daypart(DayOfWeek.FRIDAY, "18:00", "23:00")).build()),
                        Reason.OUTSIDE_DAYPART, "2026-03-27T10:05 FRIDAY in Europe/Berlin"),
                arguments("portrait creatives only", Case.alone(campaign("asked")
                                .creatives(new Creative(id("tall"), Orientation.PORTRAIT, 1)).build()),
                        Reason.NO_PLAYABLE_CREATIVE, "LANDSCAPE"),
                arguments("a loop without ad slots", new Case(plain, List.of(plain), List.of(entry("content",
                                List.of(asset("a", 30)), AdSlots.none(), 0, DAY_START, DAY_START.plus(Duration.ofDays(1))))),
                        Reason.NO_AD_SLOT, "content"),
                arguments("nothing scheduled", new Case(plain, List.of(plain), List.of()),
                        Reason.NO_AD_SLOT, "nothing scheduled"),
                arguments("a sponsorship beside it", new Case(plain, List.of(plain, SPONSOR), ADS_EVERY_MINUTE),
                        Reason.PREEMPTED, "sponsor (" + id("sponsor") + ")"),
                arguments("once an hour, played at 10:00", Case.alone(campaign("asked")
                                .caps(new FrequencyCaps(1, null, null)).build()),
                        Reason.CAP_REACHED, "the cap is 1"),
                arguments("ten a day, all played by 00:09", Case.alone(campaign("asked")
                                .caps(new FrequencyCaps(null, 10, null)).build()),
                        Reason.CAP_REACHED, "plays on 2026-03-27"),
                arguments("seven minutes apart, played at 10:03", Case.alone(campaign("asked")
                                .caps(new FrequencyCaps(null, null, 7)).build()),
                        Reason.SEPARATION, "7 minutes"),
                arguments("a competitor played at 10:00", competing(), Reason.COMPETITIVE_SEPARATION,
                        "rival (" + id("rival") + "), also soft drinks, played at 2026-03-27T09:00:00Z"),
                arguments("20 % ahead of its pace", Case.alone(campaign("asked").pace(1.2).build()),
                        Reason.AHEAD_OF_PACE, "delivered 120 %"),
                arguments("a 5 % share of voice, played at 10:00", new Case(campaign("asked").shareOfVoice(5).build(),
                        null, ADS_EVERY_MINUTE), Reason.SHARE_OF_VOICE_REACHED, "1 of the 6 ad slots"));
    }

    /**
     * Both once an hour, of one category: the sponsor plays at the hour, which keeps the asked campaign off till ten
     * past (and it, in turn, the sponsor for ten minutes after it).
     */
    private static Case competing() {
        DecisionCampaign asked = campaign("asked").category("Soft drinks", 10).caps(new FrequencyCaps(1, null, null))
                .build();
        DecisionCampaign rival = campaign("rival").tier(PriorityTier.SPONSORSHIP).category("soft drinks", 10)
                .caps(new FrequencyCaps(1, null, null)).build();
        return new Case(asked, List.of(asked, rival), ADS_EVERY_MINUTE);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void explains_why_an_ad_plays_or_not(String situation, Case given, Reason reason, String detail) {
        Explanation explanation = new AdExplainer().explain(player(BERLIN), given.entries(), given.targeting(),
                given.asked(), AT);

        assertThat(explanation.reason()).isEqualTo(reason);
        assertThat(explanation.detail()).contains(detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void explain_agrees_with_the_timeline(String situation, Case given, Reason reason, String detail) {
        Timeline timeline = new LoopResolver().resolve(player(BERLIN), given.entries(), given.targeting(),
                AdExplainer.windowStart(player(BERLIN), AT), AT.plus(Duration.ofMinutes(1)));

        boolean played = timeline.items().stream().anyMatch(item -> item.covers(AT)
                && given.asked().id().value().equals(item.campaignId()));
        assertThat(played).isEqualTo(reason == Reason.PLAYS);
    }
}
