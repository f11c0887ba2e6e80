package io.playmark.infra.eventstore;

/**
 * Where verification found the store not as it was written.
 *
 * @param position       the global position of the event (or the last position of the checkpoint) that does not match
 * @param aggregateId    the event's aggregate, null for a checkpoint or a missing position
 * @param sequenceNumber the event's sequence number in its aggregate, null likewise
 * @param problem        what does not match, for people
 * @param expected       the hash that was stored (hex), where there is one
 * @param found          the hash of what is stored now (hex), where there is one
 */
public record EventChainBreak(long position, String aggregateId, Long sequenceNumber, String problem,
                              String expected, String found) {
}
