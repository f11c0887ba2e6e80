package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.schedule.PlaylistAsset;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.PlaylistNesting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a playlist's items against the library and fills in what the library knows: only approved, active assets
 * play; an image needs a duration, a video without one plays for its probed length; a nested playlist must exist
 * and must not play the playlist it is put in. Every broken rule is answered at once, naming the item.
 */
final class PlaylistRules {

    private final PlaylistLibrary library;

    PlaylistRules(PlaylistLibrary library) {
        this.library = library;
    }

    /** The items with their durations resolved, or a refusal naming every item that breaks a rule. */
    List<PlaylistItem> resolve(PlaylistId self, List<PlaylistItem> items) {
        List<BrokenRule> broken = new ArrayList<>();
        List<PlaylistItem> resolved = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "items[" + i + "]";
            PlaylistItem item = items.get(i);
            resolved.add(item.kind() == PlaylistItem.Kind.ASSET
                    ? resolveAsset(field, item, broken)
                    : checkNested(field, self, item, broken));
        }
        if (!broken.isEmpty()) {
            throw new BrokenRulesException("Playlist " + self + " refused", broken);
        }
        return List.copyOf(resolved);
    }

    private PlaylistItem resolveAsset(String field, PlaylistItem item, List<BrokenRule> broken) {
        String asset = "asset " + item.id();
        Optional<PlaylistAsset> found = library.asset(new AssetId(item.id()));
        if (found.isEmpty()) {
            broken.add(new BrokenRule(field + ".assetId", "exists", asset + " does not exist"));
            return item;
        }
        PlaylistAsset facts = found.get();
        if (facts.status() != AssetStatus.ACTIVE) {
            broken.add(new BrokenRule(field + ".assetId", "in-use", asset + " is " + facts.status()));
        }
        if (facts.approval() != Approval.APPROVED) {
            broken.add(new BrokenRule(field + ".assetId", "approved", asset + " is not approved ("
                    + facts.approval() + ")"));
        }
        if (item.durationMillis() != null) {
            return item;
        }
        if (facts.kind() == MediaKind.VIDEO && facts.durationMillis() != null && facts.durationMillis() > 0) {
            return item.withDuration(Duration.ofMillis(facts.durationMillis()));
        }
        broken.add(new BrokenRule(field + ".duration", "required", facts.kind() == MediaKind.VIDEO
                ? asset + " has no probed length yet; give it a duration"
                : asset + " is an image; it needs a duration"));
        return item;
    }

    private PlaylistItem checkNested(String field, PlaylistId self, PlaylistItem item, List<BrokenRule> broken) {
        String nested = "playlist " + item.id();
        if (item.id().equals(self.value())) {
            broken.add(new BrokenRule(field + ".playlistId", "no-cycle", "a playlist cannot play itself"));
            return item;
        }
        PlaylistNesting nesting = library.nesting(new PlaylistId(item.id()));
        if (!nesting.exists()) {
            broken.add(new BrokenRule(field + ".playlistId", "exists", nested + " does not exist"));
        } else if (nesting.descendants().contains(self.value())) {
            broken.add(new BrokenRule(field + ".playlistId", "no-cycle", nested + " already plays playlist "
                    + self + "; nesting it would loop forever"));
        }
        return item;
    }
}
