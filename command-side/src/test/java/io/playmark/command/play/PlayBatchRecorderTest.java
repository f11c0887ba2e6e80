package io.playmark.command.play;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayId;
import io.playmark.kernel.play.PlayRecordedEvent;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.play.RecordPlaysCommand;
import io.playmark.kernel.play.RecordedPlays;
import io.playmark.kernel.player.PlayerId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayBatchRecorderTest {

    private static final PlayerId PLAYER = new PlayerId("0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71");
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final PlayWindow WINDOW = new PlayWindow(Duration.ofDays(30), Duration.ofMinutes(5));

    private static RecordPlayCommand play(Instant startedAt) {
        return new RecordPlayCommand(new PlayId(UUID.randomUUID().toString()), PLAYER, AssetId.random(), null,
                startedAt, 10_000, 10_000, Outcome.COMPLETED, null, null, RECEIVED);
    }

    private static PlayRecordedEvent recorded(RecordPlayCommand play) {
        return new PlayRecordedEvent(play.playId().value(), PLAYER.value(), play.assetId().value(), null,
                play.startedAt(), 10_000, 10_000, Outcome.COMPLETED, null, null, RECEIVED);
    }

    /** A batch creates several aggregates, which AggregateTestFixture cannot hold: Axon's repository on a store. */
    @Test
    void a_batch_records_each_play_in_its_own_aggregate_in_one_unit_of_work_and_refuses_only_the_play_outside_the_window()
            throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Play> repository = EventSourcingRepository.builder(Play.class).eventStore(store).build();
        PlayBatchRecorder recorder = new PlayBatchRecorder(repository, WINDOW);
        List<RecordPlayCommand> batch = List.of(play(RECEIVED.minusSeconds(30)),
                play(RECEIVED.minus(Duration.ofDays(31))), play(RECEIVED.minusSeconds(20)));

        RecordedPlays recorded = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(
                new RecordPlaysCommand(batch))).executeWithResult(() -> recorder.handle(new RecordPlaysCommand(batch)))
                .getPayload();

        assertThat(recorded).isEqualTo(new RecordedPlays(2, Map.of(1, new RecordedPlays.Refusal("startedAt",
                "the play started at " + batch.get(1).startedAt() + ", before the retention window of 30 days"))));
        for (int i : new int[]{0, 2}) {
            assertThat(store.readEvents(batch.get(i).playId().value()).asStream().<Object>map(EventMessage::getPayload))
                    .containsExactly(recorded(batch.get(i)));
        }
        assertThat(store.readEvents(batch.get(1).playId().value()).asStream()).isEmpty();
    }
}
