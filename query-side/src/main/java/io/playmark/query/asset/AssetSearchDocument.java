package io.playmark.query.asset;

import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.DurationRange;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.ResolutionClass;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An asset as the {@value AssetSearchIndex#ALIAS} index holds it: the fields searched, filtered, counted and
 * sorted on, and the whole view, stored but not indexed, so that a hit answers without a second read and the next
 * event applies to it. Facts that probing has not told yet (resolution, duration) are null.
 *
 * @param folderPaths the folder and every folder above it, so that a folder's search finds its subfolders' assets
 * @param titleSort   the title in lower case, so that sorting by title is by letters, not by case
 */
public record AssetSearchDocument(String id, String title, String titleSort, String description, String fileName,
                                  String folder, List<String> folderPaths, List<String> tags, MediaKind kind,
                                  AssetStatus status, Approval approval, long sizeBytes, long storedBytes,
                                  Long durationMillis, ResolutionClass resolutionClass, Orientation orientation,
                                  DurationRange durationRange, List<String> playableProfiles, boolean playable,
                                  Instant createdAt, long version, AssetView asset) {

    static AssetSearchDocument of(AssetView view) {
        var probe = view.probe();
        return new AssetSearchDocument(view.id(), view.title(), view.title().toLowerCase(Locale.ROOT),
                view.description(), view.fileName(), view.folder(), new FolderPath(view.folder()).withAncestors(),
                view.tags(), view.kind(), view.status(), view.approval(), view.sizeBytes(), view.storedBytes(),
                probe == null ? null : probe.durationMillis(), probe == null ? null : ResolutionClass.of(probe),
                probe == null ? null : Orientation.of(probe),
                probe == null ? null : DurationRange.of(probe).orElse(null),
                view.playableBy().stream().map(PlayerCompatibility.Playable::profile).toList(), view.playable(),
                view.createdAt(), view.version(), view);
    }
}
