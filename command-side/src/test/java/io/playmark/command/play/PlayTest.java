package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.play.Audience;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayId;
import io.playmark.kernel.play.PlayRecordedEvent;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.player.PlayerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class PlayTest {

    private static final PlayId PLAY = new PlayId("3c2f9a5e-6b1d-4c8e-9f7a-0d1e2f3a4b5c");
    private static final PlayerId PLAYER = new PlayerId("0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71");
    private static final AssetId ASSET = new AssetId("9b1d2c3e-4f5a-4b6c-8d7e-1f2a3b4c5d6e");
    private static final CampaignId CAMPAIGN = new CampaignId("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final PlayWindow WINDOW = new PlayWindow(Duration.ofDays(30), Duration.ofMinutes(5));

    private FixtureConfiguration<Play> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Play.class);
        fixture.registerInjectableResource(WINDOW);
    }

    private static RecordPlayCommand play(Instant startedAt) {
        return new RecordPlayCommand(PLAY, PLAYER, ASSET, CAMPAIGN, startedAt, 15_000, 15_000, Outcome.COMPLETED,
                null, new Audience(4, 5_200), RECEIVED);
    }

    @Test
    void a_play_is_recorded_with_what_the_screen_reported() {
        Instant started = RECEIVED.minus(Duration.ofHours(3));
        fixture.givenNoPriorActivity()
                .when(play(started))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlayRecordedEvent(PLAY.value(), PLAYER.value(), ASSET.value(), CAMPAIGN.value(),
                        started, 15_000, 15_000, Outcome.COMPLETED, null, new Audience(4, 5_200), RECEIVED));
    }

    @Test
    void content_outside_campaigns_and_a_failure_keep_no_campaign_and_the_error() {
        Instant started = RECEIVED.minusSeconds(60);
        fixture.givenNoPriorActivity()
                .when(new RecordPlayCommand(PLAY, PLAYER, ASSET, null, started, 0, 10_000, Outcome.FAILED,
                        "decoder: unsupported profile", null, RECEIVED))
                .expectEvents(new PlayRecordedEvent(PLAY.value(), PLAYER.value(), ASSET.value(), null, started, 0,
                        10_000, Outcome.FAILED, "decoder: unsupported profile", null, RECEIVED));
    }

    @Test
    void a_late_play_within_the_retention_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(play(RECEIVED.minus(Duration.ofDays(29))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_play_older_than_the_retention_is_refused() {
        fixture.givenNoPriorActivity()
                .when(play(RECEIVED.minus(Duration.ofDays(30)).minusMillis(1)))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("retention"))
                .expectNoEvents();
    }

    @Test
    void a_play_further_ahead_than_the_clock_skew_is_refused_and_one_just_within_it_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(play(RECEIVED.plus(Duration.ofMinutes(5)).plusMillis(1)))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("clock-skew"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(play(RECEIVED.plus(Duration.ofMinutes(5))))
                .expectSuccessfulHandlerExecution();
    }
}
