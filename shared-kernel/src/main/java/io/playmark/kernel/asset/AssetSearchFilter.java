package io.playmark.kernel.asset;

import java.util.Set;

/**
 * What a library search keeps: within one field any of the values listed, across fields all of them; an empty
 * or null field keeps everything. {@code folder} keeps the folder and its subfolders; {@code playable} false
 * keeps the flagged assets, which no player profile can play.
 */
public record AssetSearchFilter(Set<MediaKind> kinds, Set<AssetStatus> statuses, Set<Approval> approvals,
                                Set<Tag> tags, FolderPath folder, Set<ResolutionClass> resolutionClasses,
                                Set<Orientation> orientations, Set<DurationRange> durationRanges,
                                Set<String> playableProfiles, Boolean playable) {

    public static final AssetSearchFilter NONE = new AssetSearchFilter(null, null, null, null, null, null, null, null,
            null, null);

    public AssetSearchFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        approvals = approvals == null ? Set.of() : Set.copyOf(approvals);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        resolutionClasses = resolutionClasses == null ? Set.of() : Set.copyOf(resolutionClasses);
        orientations = orientations == null ? Set.of() : Set.copyOf(orientations);
        durationRanges = durationRanges == null ? Set.of() : Set.copyOf(durationRanges);
        playableProfiles = playableProfiles == null ? Set.of() : Set.copyOf(playableProfiles);
    }
}
