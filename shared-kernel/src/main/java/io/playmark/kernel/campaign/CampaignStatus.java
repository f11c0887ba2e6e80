package io.playmark.kernel.campaign;

/**
 * Where a campaign stands: DRAFT (being filled in) → BOOKED (checked and waiting for its flight) → ACTIVE (in its
 * flight, playing) ⇄ PAUSED → COMPLETED (its flight is over) → ARCHIVED (put away). A booked campaign may go back
 * to DRAFT; a draft may be archived.
 */
public enum CampaignStatus {
    DRAFT,
    BOOKED,
    ACTIVE,
    PAUSED,
    COMPLETED,
    ARCHIVED;

    /** A completed or archived campaign is a record of what ran: it is no longer changed. */
    public boolean isEditable() {
        return this != COMPLETED && this != ARCHIVED;
    }

    /** Booked, active or paused: the booking rules hold and every edit must keep them. */
    public boolean isBooked() {
        return this == BOOKED || this == ACTIVE || this == PAUSED;
    }
}
