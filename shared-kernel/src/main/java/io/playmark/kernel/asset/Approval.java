package io.playmark.kernel.asset;

/** Where an asset's review stands. Only an approved asset can be scheduled. */
public enum Approval {
    PENDING,
    APPROVED,
    REJECTED
}
