package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.ConflictException;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.CreateScheduleEntryCommand;
import io.playmark.kernel.schedule.DeleteScheduleEntryCommand;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.Recurrence;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryDeletedEvent;
import io.playmark.kernel.schedule.ScheduleEntryId;
import io.playmark.kernel.schedule.SchedulePriority;
import io.playmark.kernel.schedule.ScheduleTarget;
import io.playmark.kernel.schedule.UpdateScheduleEntryCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ScheduleEntryTest {

    private static final ScheduleEntryId ID = new ScheduleEntryId("7a1c2e3f-4b5d-4c6e-8f9a-0b1c2d3e4f5a");
    private static final Recurrence WEEKDAY_MORNINGS = new Recurrence(LocalDateTime.parse("2026-03-23T07:00"),
            Duration.ofHours(3), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Set.of(LocalDateTime.parse("2026-04-03T07:00")));

    private final FakeLibrary library = new FakeLibrary();
    private final PlaylistId playlist = library.playlist();
    private final PlayerId player = library.player();
    private final PlayerGroupId group = PlayerGroupId.random();
    /** What the conflict check answers, as the player directory and the schedule read model would. */
    private final List<BrokenRulesException.BrokenRule> conflicts = new ArrayList<>();
    private FixtureConfiguration<ScheduleEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScheduleEntry.class);
        fixture.registerInjectableResource(library);
        fixture.registerInjectableResource((ScheduleConflicts) (id, definition) -> List.copyOf(conflicts));
    }

    private ScheduleEntryDefinition definition(int priority, Set<PlayerId> players) {
        return new ScheduleEntryDefinition(playlist, new ScheduleTarget(players, Set.of(group)), WEEKDAY_MORNINGS,
                new SchedulePriority(priority, true));
    }

    private ScheduleEntryDefinedEvent defined(int priority) {
        return ScheduleEntryDefinedEvent.of(ID, definition(priority, Set.of(player)));
    }

    @Test
    void creating_an_entry_records_its_whole_definition() {
        fixture.givenNoPriorActivity()
                .when(new CreateScheduleEntryCommand(ID, definition(10, Set.of(player))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleEntryDefinedEvent(ID.value(), playlist.value(), List.of(player.value()),
                        List.of(group.value()), LocalDateTime.parse("2026-03-23T07:00"), Duration.ofHours(3).toMillis(),
                        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", List.of(LocalDateTime.parse("2026-04-03T07:00")), 10, true));
    }

    @Test
    void a_retried_create_records_nothing_and_other_values_are_a_conflict() {
        fixture.given(defined(10))
                .when(new CreateScheduleEntryCommand(ID, definition(10, Set.of(player))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(defined(10))
                .when(new CreateScheduleEntryCommand(ID, definition(20, Set.of(player))))
                .expectException(ConflictException.class);
    }

    @Test
    void an_unknown_playlist_or_player_is_refused_naming_them() {
        PlayerId stranger = new PlayerId("00000000-0000-4000-8000-000000000001");
        var unknownPlaylist = new ScheduleEntryDefinition(PlaylistId.random(),
                new ScheduleTarget(Set.of(player, stranger), Set.of()), WEEKDAY_MORNINGS, new SchedulePriority(1, false));
        fixture.givenNoPriorActivity()
                .when(new CreateScheduleEntryCommand(ID, unknownPlaylist))
                .expectNoEvents()
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("player " + stranger + " is not registered"));
    }

    @Test
    void updating_records_the_new_definition_and_an_unchanged_update_records_nothing() {
        fixture.given(defined(10))
                .when(new UpdateScheduleEntryCommand(ID, definition(20, Set.of(player))))
                .expectEvents(defined(20));
        fixture.given(defined(10))
                .when(new UpdateScheduleEntryCommand(ID, definition(10, Set.of(player))))
                .expectNoEvents();
    }

    @Test
    void deleting_records_once_and_a_deleted_entry_takes_no_update() {
        fixture.given(defined(10))
                .when(new DeleteScheduleEntryCommand(ID))
                .expectEvents(new ScheduleEntryDeletedEvent(ID.value()));
        fixture.given(defined(10), new ScheduleEntryDeletedEvent(ID.value()))
                .when(new DeleteScheduleEntryCommand(ID))
                .expectNoEvents();
        fixture.given(defined(10), new ScheduleEntryDeletedEvent(ID.value()))
                .when(new UpdateScheduleEntryCommand(ID, definition(20, Set.of(player))))
                .expectException(ConflictException.class);
    }

    @Test
    void a_create_or_update_overlapping_an_exclusive_entry_is_refused_with_the_conflict_and_records_nothing() {
        conflicts.add(new BrokenRulesException.BrokenRule("recurrence", "exclusive-conflict",
                "overlaps exclusive entry e-1 (Takeover) on player p-1 (Lobby) from 2026-03-23T06:00:00Z to "
                        + "2026-03-23T09:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(new CreateScheduleEntryCommand(ID, definition(10, Set.of(player))))
                .expectNoEvents()
                .expectException(BrokenRulesException.class)
                .expectExceptionMessage(containsString("overlaps exclusive entry e-1 (Takeover) on player p-1"));
        fixture.given(defined(10))
                .when(new UpdateScheduleEntryCommand(ID, definition(20, Set.of(player))))
                .expectNoEvents()
                .expectException(BrokenRulesException.class);
        fixture.given(defined(10))
                .when(new UpdateScheduleEntryCommand(ID, definition(10, Set.of(player))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void the_entry_answers_its_last_definition_until_it_is_deleted() {
        fixture.given(defined(10), defined(20))
                .when(new CreateScheduleEntryCommand(ID, definition(20, Set.of(player))))
                .expectNoEvents()
                .expectState(entry -> assertThat(entry.definition()).contains(defined(20)));
        fixture.given(defined(10), new ScheduleEntryDeletedEvent(ID.value()))
                .when(new DeleteScheduleEntryCommand(ID))
                .expectNoEvents()
                .expectState(entry -> assertThat(entry.definition()).isEmpty());
    }
}
