package io.playmark.kernel.report;

/** Whose clock the TIME dimension follows: UTC, or each player's own zone (a play at 09:00 local is in hour 9). */
public enum TimeBasis {
    UTC, PLAYER_LOCAL
}
