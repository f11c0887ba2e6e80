package io.playmark.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.Set;

/** Registers a stored, checked file as a new asset, pending approval. */
public record RegisterAssetCommand(@TargetAggregateIdentifier AssetId assetId, AssetTitle title, FileName fileName,
                                   FolderPath folder, Set<Tag> tags, StoredContent content) {

    public RegisterAssetCommand {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        folder = folder == null ? FolderPath.ROOT : folder;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
