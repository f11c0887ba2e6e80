package io.playmark.infra.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How positions are handed out from blocks, against a counter in memory; the engine tests check the same on a store.
 */
class PositionBlocksTest {

    private final List<Long> reservationStarts = new ArrayList<>();
    private final List<long[]> closed = new ArrayList<>();
    private long counter;
    private boolean counterFails;
    /** Over a shared counter kept here: every call reserves the next {@code count} positions, unless told to fail. */
    private final PositionBlocks blocks = new PositionBlocks((count, startedNanos) -> {
        if (counterFails) {
            throw new IllegalStateException("counter unreachable");
        }
        reservationStarts.add(startedNanos);
        counter += count;
        return counter;
    }, (from, to) -> closed.add(new long[]{from, to}), 64, TimeUnit.SECONDS.toNanos(10));

    @AfterEach
    void closeBlocks() {
        blocks.close();
    }

    @Test
    void anAppendLargerThanTheOpenBlocksRestTakesItAndContinuesInANewBlock() {
        blocks.reserve(1); // block [1]
        blocks.reserve(1); // block [2..3]

        PositionBlocks.Reservation spanning = blocks.reserve(3);

        assertThat(spanning.positions()).containsExactly(3, 4, 5); // the rest of [2..3], then a block [4..7]
        assertThat(reservationStarts).hasSize(3);
        assertThat(spanning.reservedAtNanos()).as("the deadline counts from the older block's reservation")
                                              .isEqualTo(reservationStarts.get(1));
        assertThat(reservationStarts.get(2)).as("and so does the reservation of the new block")
                                            .isEqualTo(reservationStarts.get(1));
        assertThat(closed).as("nothing was left over").isEmpty();
        assertThat(blocks.reserve(2).positions()).containsExactly(6, 7);
    }

    @Test
    void whenTheNextBlockCannotBeReservedTheOpenBlocksRestStaysForTheNextAppend() {
        blocks.reserve(1);
        blocks.reserve(1); // block [2..3], 3 left

        counterFails = true;
        assertThatThrownBy(() -> blocks.reserve(3)).hasMessage("counter unreachable");
        counterFails = false;

        assertThat(blocks.reserve(1).positions()).containsExactly(3);
        assertThat(closed).isEmpty();
    }

    @Test
    void aBlockPassedByAPositionReadElsewhereIsClosedAndNotUsedAgain() {
        blocks.reserve(1);
        blocks.reserve(1); // block [2..3], 3 left
        counter += 7; // another process reserved 4..10 and wrote 10, which this one read
        blocks.observe(10);

        PositionBlocks.Reservation next = blocks.reserve(1);

        assertThat(next.positions()).as("from a new block, above what was seen").containsExactly(11);
        blocks.close();
        assertThat(closed).extracting(range -> range[0] + ".." + range[1]).contains("3..3");
    }
}
