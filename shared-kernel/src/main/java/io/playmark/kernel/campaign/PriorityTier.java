package io.playmark.kernel.campaign;

/** Which campaigns give way to which: sponsorship above standard above house (filler for unsold time). */
public enum PriorityTier {
    SPONSORSHIP,
    STANDARD,
    HOUSE
}
