package io.playmark.kernel.audit;

import java.time.Instant;

/**
 * A player at a past moment, as the audit asks about it: decisioning adds the re-resolved timeline to the audit's
 * answer through this, knowing nothing else of the audit's types.
 */
public interface PlayerMoment {

    String playerId();

    Instant at();
}
