package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.Orientation;

import java.util.Objects;

/**
 * An asset a campaign shows on screens of one orientation, with a weight: among a campaign's creatives for an
 * orientation, one of weight 2 plays twice as often as one of weight 1. Holds the asset id as text, so that
 * events carrying it stay plain values.
 */
public record Creative(String assetId, Orientation orientation, int weight) {

    public static final int MAX_WEIGHT = 100;

    public Creative {
        assetId = new AssetId(assetId).value();
        if (orientation == null) {
            throw new InvalidValueException("creatives.orientation", "a creative needs an orientation");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new InvalidValueException("creatives.weight", "a creative's weight must be between 1 and "
                    + MAX_WEIGHT + ", was " + weight);
        }
    }

    public Creative(AssetId asset, Orientation orientation, int weight) {
        this(Objects.requireNonNull(asset, "asset").value(), orientation, weight);
    }

    public AssetId asset() {
        return new AssetId(assetId);
    }
}
