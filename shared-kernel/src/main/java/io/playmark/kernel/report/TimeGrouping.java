package io.playmark.kernel.report;

/** The periods the TIME dimension groups by (weeks start on Monday). */
public enum TimeGrouping {
    HOUR, DAY, WEEK, MONTH
}
