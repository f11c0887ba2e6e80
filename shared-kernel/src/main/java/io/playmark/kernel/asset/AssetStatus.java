package io.playmark.kernel.asset;

/** An asset's place in its life: in the library, taken out of use (by hand or at expiry), or deleted. */
public enum AssetStatus {
    ACTIVE,
    RETIRED,
    DELETED
}
