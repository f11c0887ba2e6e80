package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

/**
 * What a campaign is to deliver over its flight: {@code target} plays or impressions (1 to a trillion), or a
 * share of voice of {@code target} percent (1 to 100).
 */
public record Goal(GoalKind kind, long target) {

    public static final long MAX_COUNT = 1_000_000_000_000L;

    public Goal {
        if (kind == null) {
            throw new InvalidValueException("goal.kind", "a goal needs a kind: PLAYS, IMPRESSIONS or SHARE_OF_VOICE");
        }
        long max = kind == GoalKind.SHARE_OF_VOICE ? 100 : MAX_COUNT;
        if (target < 1 || target > max) {
            throw new InvalidValueException("goal.target", "a " + kind + " goal's target must be between 1 and "
                    + max + ", was " + target);
        }
    }
}
