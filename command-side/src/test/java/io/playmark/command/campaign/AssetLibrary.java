package io.playmark.command.campaign;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.CreativeAsset;
import io.playmark.kernel.asset.Orientation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Assets the tests put in the library, answered as the asset read model answers them. */
final class AssetLibrary implements CreativeAssets {

    private final Map<String, CreativeAsset> assets = new HashMap<>();

    String add(Approval approval, AssetStatus status, Orientation orientation, String... profiles) {
        String id = UUID.randomUUID().toString();
        assets.put(id, new CreativeAsset(id, approval, status, orientation, List.of(profiles)));
        return id;
    }

    String approved(Orientation orientation, String... profiles) {
        return add(Approval.APPROVED, AssetStatus.ACTIVE, orientation, profiles);
    }

    @Override
    public Optional<CreativeAsset> find(AssetId assetId) {
        return Optional.ofNullable(assets.get(assetId.value()));
    }
}
