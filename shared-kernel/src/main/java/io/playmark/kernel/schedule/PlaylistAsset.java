package io.playmark.kernel.schedule;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.MediaKind;

/** An asset as a playlist checks it: its review, place in life, kind and probed length (null until probed). */
public record PlaylistAsset(String assetId, Approval approval, AssetStatus status, MediaKind kind,
                            Long durationMillis) {
}
