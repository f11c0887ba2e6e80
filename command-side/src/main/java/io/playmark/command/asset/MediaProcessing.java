package io.playmark.command.asset;

import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Sha256;

/**
 * Probes a stored content version and makes its renditions, in the background; the results come back as
 * commands to the asset. Asking twice for the same version is harmless.
 */
public interface MediaProcessing {

    void process(AssetId assetId, int contentVersion, Sha256 sha256, MediaKind kind);
}
