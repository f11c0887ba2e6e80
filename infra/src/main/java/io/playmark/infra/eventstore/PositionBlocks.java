package io.playmark.infra.eventstore;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out global positions to the appends of one engine instance (one process) from blocks reserved on the shared
 * counter, so that a steady stream of appends pays one counter round trip per block instead of one per append.
 * <p>
 * A block is sized to demand: it starts at one position, doubles (up to a maximum) while appends use each block up
 * within its lease, and starts at one again after an idle lease, so sporadic appends reserve exactly what they write.
 * An append that does not fit in what the open block has left takes that rest and the remainder from a new block, so
 * its positions rise but need not be consecutive, and no position is left over because an append was large.
 * Positions are handed out only during the block's lease, which ends well inside the write timeout, and every append
 * counts its write deadline from the moment its oldest block was reserved: a position is written within the write
 * timeout of its reservation, as without blocks, which is what makes giving up gaps safe (ADR 0003, ADR 0004). What a
 * block has left when it is retired (lease over, or passed by a position another process wrote) is closed with
 * tombstones at once, so readers never wait for it.
 * <p>
 * Order: positions of one block rise with the order of the appends that took them. Across processes a block reserved
 * earlier holds lower positions than events another process has written since; so that an event is never placed below
 * an event it may follow (its aggregate's previous event, or an event a handler here reacted to), the engine reports
 * every position it reads ({@link #observe}) and a block is not used any more once a position at or above its next
 * one was seen.
 */
final class PositionBlocks implements AutoCloseable {

    /** Reserves {@code count} positions on the shared counter, within the write timeout from {@code startedNanos}; returns the last. */
    @FunctionalInterface
    interface Counter {
        long reserve(int count, long startedNanos);
    }

    /** Closes unused positions {@code from..to} with tombstones. */
    @FunctionalInterface
    interface Closer {
        void close(long from, long to);
    }

    /** Rising positions, one per event, to be written before {@code reservedAtNanos} plus the write timeout. */
    record Reservation(long[] positions, long reservedAtNanos) {

        long first() {
            return positions[0];
        }

        long last() {
            return positions[positions.length - 1];
        }
    }

    private final Counter counter;
    private final Closer closer;
    private final int maxBlockSize;
    private final long leaseNanos;
    private final ScheduledExecutorService leaseTimer;
    /** The highest position known to hold an event; no position at or below it is handed out from an open block. */
    private final AtomicLong highestSeen = new AtomicLong();
    private Block current; // guarded by this
    private boolean closed; // guarded by this

    PositionBlocks(Counter counter, Closer closer, int maxBlockSize, long leaseNanos) {
        this.counter = counter;
        this.closer = closer;
        this.maxBlockSize = maxBlockSize;
        this.leaseNanos = leaseNanos;
        this.leaseTimer = usesBlocks() ? leaseTimer() : null;
    }

    private static ScheduledThreadPoolExecutor leaseTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "playmark-event-position-lease");
            thread.setDaemon(true);
            return thread;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Whether positions are handed out from blocks at all; with blocks of one, every append reserves its own. */
    boolean usesBlocks() {
        return maxBlockSize > 1;
    }

    /** Notes that {@code position} holds an event: positions handed out from now on are above it. */
    void observe(long position) {
        highestSeen.accumulateAndGet(position, Math::max);
    }

    /**
     * Takes {@code count} rising positions: from the open block while it lasts, the rest (or all, when the open block
     * may no longer be used) from a new block.
     */
    Reservation reserve(int count) {
        synchronized (this) {
            long now = System.nanoTime();
            Block block = current;
            long[] positions = new long[count];
            int taken = 0;
            if (block != null && block.canHandOut(now, highestSeen.get())) {
                taken = block.take(positions, 0, count);
                if (taken == count) {
                    return new Reservation(positions, block.reservedAtNanos);
                }
            } else if (block != null && !block.isUsedUp()) {
                // off this append's path: its write deadline is already running
                Block retired = block;
                leaseTimer.execute(() -> closeRemainder(retired));
            }
            current = null;
            int size = Math.max(count - taken, nextSize(block, now));
            long started = System.nanoTime();
            // positions taken from the open block are due within the write timeout of that block's reservation
            long deadlineFrom = taken > 0 ? block.reservedAtNanos : started;
            long last;
            try {
                last = counter.reserve(size, deadlineFrom);
            } catch (RuntimeException e) {
                if (taken > 0) {
                    block.giveBack(taken);
                    current = block;
                }
                throw e;
            }
            Block fresh = new Block(last - size + 1, last, started, started + leaseNanos);
            fresh.take(positions, taken, count - taken);
            current = fresh; // a used-up block stays current only to size the next one
            if (!fresh.isUsedUp()) {
                leaseTimer.schedule(() -> retireIfCurrent(fresh), leaseNanos, TimeUnit.NANOSECONDS);
            }
            return new Reservation(positions, deadlineFrom);
        }
    }

    /**
     * Doubles while demand uses blocks up within their lease; back to one after an idle lease; halves when another
     * process wrote past the block.
     */
    private int nextSize(Block previous, long now) {
        if (closed || previous == null || previous.leaseEnded(now)) {
            return 1;
        }
        if (previous.isUsedUp()) {
            return Math.min(maxBlockSize, previous.size() * 2);
        }
        return Math.max(1, previous.size() / 2);
    }

    private void retireIfCurrent(Block block) {
        synchronized (this) {
            if (current != block) {
                return;
            }
            current = null;
        }
        closeRemainder(block);
    }

    /** Closes what a retired block has left. The caller made it unreachable, so nothing else takes from it. */
    private void closeRemainder(Block block) {
        long from;
        synchronized (this) {
            from = block.next;
            block.next = block.last + 1;
        }
        if (from <= block.last) {
            closer.close(from, block.last);
        }
    }

    /** Closes the open block's unused positions and stops the lease timer; later appends still work, one by one. */
    @Override
    public void close() {
        Block block;
        synchronized (this) {
            closed = true;
            block = current;
            current = null;
        }
        if (leaseTimer != null) {
            leaseTimer.shutdown();
            awaitQuietly(leaseTimer);
        }
        if (block != null) {
            closeRemainder(block);
        }
    }

    /** Lets closes already handed to the timer finish; scheduled lease ends are dropped, the open block is closed here. */
    private static void awaitQuietly(ScheduledExecutorService timer) {
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Block {

        final long first;
        final long last;
        final long reservedAtNanos;
        final long leaseEndNanos;
        long next; // guarded by the PositionBlocks

        Block(long first, long last, long reservedAtNanos, long leaseEndNanos) {
            this.first = first;
            this.last = last;
            this.reservedAtNanos = reservedAtNanos;
            this.leaseEndNanos = leaseEndNanos;
            this.next = first;
        }

        boolean canHandOut(long now, long highestSeen) {
            return !isUsedUp() && !leaseEnded(now) && next > highestSeen;
        }

        /**
         * Puts up to {@code count} of this block's next positions into {@code positions} from index {@code from};
         * returns how many it put.
         */
        int take(long[] positions, int from, int count) {
            int taken = (int) Math.min(count, last - next + 1);
            for (int i = 0; i < taken; i++) {
                positions[from + i] = next++;
            }
            return taken;
        }

        void giveBack(int count) {
            next -= count;
        }

        boolean leaseEnded(long now) {
            return now - leaseEndNanos >= 0;
        }

        boolean isUsedUp() {
            return next > last;
        }

        int size() {
            return Math.toIntExact(last - first + 1);
        }
    }
}
