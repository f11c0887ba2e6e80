package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.Set;

/** Adds and removes tags; a tag both added and removed is added. */
public record TagAssetCommand(@TargetAggregateIdentifier AssetId assetId, Set<Tag> add, Set<Tag> remove) {

    public TagAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
        add = add == null ? Set.of() : Set.copyOf(add);
        remove = remove == null ? Set.of() : Set.copyOf(remove);
    }
}
