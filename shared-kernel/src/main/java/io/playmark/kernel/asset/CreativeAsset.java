package io.playmark.kernel.asset;

import java.util.List;

/**
 * An asset as campaigns check it before booking: its review, its place in its life, which way its picture stands
 * (null until probed) and the player profiles that can play it (empty: none can).
 */
public record CreativeAsset(String assetId, Approval approval, AssetStatus status, Orientation orientation,
                            List<String> playableProfiles) {

    public CreativeAsset {
        playableProfiles = playableProfiles == null ? List.of() : List.copyOf(playableProfiles);
    }
}
