package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.CreatePlaylistCommand;
import io.playmark.kernel.schedule.DeletePlaylistCommand;
import io.playmark.kernel.schedule.PlaylistContent;
import io.playmark.kernel.schedule.PlaylistCreatedEvent;
import io.playmark.kernel.schedule.PlaylistDeletedEvent;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.PlaylistName;
import io.playmark.kernel.schedule.PlaylistUpdatedEvent;
import io.playmark.kernel.schedule.UpdatePlaylistCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;

class PlaylistTest {

    private static final PlaylistId ID = new PlaylistId("0f6e3c1a-2b4d-4e8f-9a1b-3c5d7e9f1a2b");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final FakeLibrary library = new FakeLibrary();
    private FixtureConfiguration<Playlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Playlist.class);
        fixture.registerInjectableResource(library);
    }

    private static CreatePlaylistCommand create(List<PlaylistItem> items) {
        return new CreatePlaylistCommand(ID, new PlaylistName("Lobby"), new PlaylistContent(items, false,
                AdSlots.slots(2, Duration.ofSeconds(15))));
    }

    private static PlaylistCreatedEvent created(List<PlaylistItem> items) {
        return new PlaylistCreatedEvent(ID.value(), "Lobby", items, false, AdSlots.slots(2, Duration.ofSeconds(15)));
    }

    @Test
    void creating_a_playlist_records_its_items_with_a_videos_probed_length_filled_in() {
        AssetId image = library.approvedImage();
        AssetId video = library.approvedVideo(12_500);
        PlaylistId nested = library.playlist();
        fixture.givenNoPriorActivity()
                .when(create(List.of(PlaylistItem.asset(image, TEN_SECONDS), PlaylistItem.asset(video, null),
                        PlaylistItem.playlist(nested))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(List.of(PlaylistItem.asset(image, TEN_SECONDS),
                        PlaylistItem.asset(video, Duration.ofMillis(12_500)), PlaylistItem.playlist(nested))));
    }

    @Test
    void a_retried_create_records_nothing() {
        AssetId image = library.approvedImage();
        List<PlaylistItem> items = List.of(PlaylistItem.asset(image, TEN_SECONDS));
        fixture.given(created(items))
                .when(create(items))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_create_with_other_values_for_an_existing_id_is_a_conflict() {
        AssetId image = library.approvedImage();
        fixture.given(created(List.of(PlaylistItem.asset(image, TEN_SECONDS))))
                .when(create(List.of(PlaylistItem.asset(image, Duration.ofSeconds(20)))))
                .expectException(ConflictException.class);
    }

    @Test
    void an_asset_must_exist_be_active_and_approved_and_an_image_needs_a_duration() {
        AssetId pending = library.asset(Approval.PENDING, AssetStatus.ACTIVE, MediaKind.IMAGE, null);
        AssetId retired = library.asset(Approval.APPROVED, AssetStatus.RETIRED, MediaKind.VIDEO, 5_000L);
        AssetId image = library.approvedImage();
        AssetId unprobed = library.asset(Approval.APPROVED, AssetStatus.ACTIVE, MediaKind.VIDEO, null);
        var command = create(List.of(PlaylistItem.asset(pending, TEN_SECONDS), PlaylistItem.asset(retired, null),
                PlaylistItem.asset(image, null), PlaylistItem.asset(AssetId.random(), TEN_SECONDS),
                PlaylistItem.asset(unprobed, null)));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(BrokenRulesException.class);
        assertThat(rulesOf(command)).extracting(BrokenRule::field, BrokenRule::rule).containsExactly(
                tuple("items[0].assetId", "approved"), tuple("items[1].assetId", "in-use"),
                tuple("items[2].duration", "required"), tuple("items[3].assetId", "exists"),
                tuple("items[4].duration", "required"));
    }

    @Test
    void a_nested_playlist_that_already_plays_this_one_is_refused_as_a_cycle() {
        PlaylistId outer = library.playlist(ID.value());
        fixture.givenNoPriorActivity()
                .when(create(List.of(PlaylistItem.playlist(outer))))
                .expectNoEvents()
                .expectExceptionMessage(containsString("loop forever"));
    }

    @Test
    void a_playlist_cannot_play_itself_or_a_playlist_that_does_not_exist() {
        assertThat(rulesOf(create(List.of(PlaylistItem.playlist(ID), PlaylistItem.playlist(PlaylistId.random())))))
                .extracting(BrokenRule::field, BrokenRule::rule)
                .containsExactly(tuple("items[0].playlistId", "no-cycle"), tuple("items[1].playlistId", "exists"));
    }

    @Test
    void updating_records_the_new_content_and_an_unchanged_update_records_nothing() {
        AssetId image = library.approvedImage();
        List<PlaylistItem> items = List.of(PlaylistItem.asset(image, TEN_SECONDS));
        var update = new UpdatePlaylistCommand(ID, new PlaylistName("Lobby"), new PlaylistContent(items, true,
                AdSlots.share(20)));
        fixture.given(created(items))
                .when(update)
                .expectEvents(new PlaylistUpdatedEvent(ID.value(), "Lobby", items, true, AdSlots.share(20)));
        fixture.given(created(items), new PlaylistUpdatedEvent(ID.value(), "Lobby", items, true, AdSlots.share(20)))
                .when(update)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updating_a_playlist_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new UpdatePlaylistCommand(ID, new PlaylistName("Lobby"), new PlaylistContent(List.of(), false,
                        null)))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void deleting_records_once_and_a_deleted_playlist_takes_no_update() {
        fixture.given(created(List.of()))
                .when(new DeletePlaylistCommand(ID))
                .expectEvents(new PlaylistDeletedEvent(ID.value()));
        fixture.given(created(List.of()), new PlaylistDeletedEvent(ID.value()))
                .when(new DeletePlaylistCommand(ID))
                .expectNoEvents();
        fixture.given(created(List.of()), new PlaylistDeletedEvent(ID.value()))
                .when(new UpdatePlaylistCommand(ID, new PlaylistName("Lobby"), new PlaylistContent(List.of(), false,
                        null)))
                .expectException(ConflictException.class);
    }

    private List<BrokenRule> rulesOf(CreatePlaylistCommand command) {
        try {
            new PlaylistRules(library).resolve(command.playlistId(), command.content().items());
        } catch (BrokenRulesException refused) {
            return refused.rules();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void the_playlist_answers_its_content_until_it_is_deleted() {
        List<PlaylistItem> items = List.of(PlaylistItem.asset(library.approvedImage(), TEN_SECONDS));
        fixture.given(created(items))
                .when(create(items))
                .expectNoEvents()
                .expectState(playlist -> {
                    assertThat(playlist.content()).contains(new PlaylistContent(items, false,
                            AdSlots.slots(2, Duration.ofSeconds(15))));
                    assertThat(playlist.name()).isEqualTo("Lobby");
                });
        fixture.given(created(items), new PlaylistDeletedEvent(ID.value()))
                .when(new DeletePlaylistCommand(ID))
                .expectNoEvents()
                .expectState(playlist -> assertThat(playlist.content()).isEmpty());
    }
}
