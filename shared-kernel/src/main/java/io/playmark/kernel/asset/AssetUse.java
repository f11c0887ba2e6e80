package io.playmark.kernel.asset;

import java.util.Locale;

/** Something that uses an asset now: a campaign showing it as a creative, or a playlist playing it. */
public record AssetUse(Kind kind, String id, String name) {

    public enum Kind { CAMPAIGN, PLAYLIST }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " '" + name + "' (" + id + ")";
    }
}
