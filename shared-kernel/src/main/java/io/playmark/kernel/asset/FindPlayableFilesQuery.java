package io.playmark.kernel.asset;

import java.util.Objects;
import java.util.Set;

/**
 * For a player hardware profile, the file to download for each of these assets that is approved, active and
 * playable by the profile, answered as a {@code List<PlayableFile>}; the other assets are left out.
 */
public record FindPlayableFilesQuery(String profile, Set<String> assetIds) {

    public FindPlayableFilesQuery {
        Objects.requireNonNull(profile, "profile");
        assetIds = assetIds == null ? Set.of() : Set.copyOf(assetIds);
    }
}
