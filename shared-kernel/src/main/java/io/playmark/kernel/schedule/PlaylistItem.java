package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;

import java.time.Duration;

/**
 * One step of a playlist's loop: an asset shown for a duration, or a nested playlist played through. Holds ids as
 * text so that events carrying items stay plain values. An asset's duration may be left out when asked for (a video
 * then plays for its probed length, filled in by the aggregate); a nested playlist has none of its own.
 */
public record PlaylistItem(Kind kind, String id, Long durationMillis) {

    public static final Duration MAX_DURATION = Duration.ofHours(24);

    public enum Kind {
        ASSET,
        PLAYLIST
    }

    public PlaylistItem {
        if (kind == null) {
            throw new InvalidValueException("items.kind", "an item is either an asset or a playlist");
        }
        id = kind == Kind.ASSET ? new AssetId(id).value() : new PlaylistId(id).value();
        if (kind == Kind.PLAYLIST && durationMillis != null) {
            throw new InvalidValueException("items.duration", "a nested playlist plays for its own length; "
                    + "it takes no duration");
        }
        if (durationMillis != null && (durationMillis <= 0 || durationMillis > MAX_DURATION.toMillis())) {
            throw new InvalidValueException("items.duration", "an item's duration must be positive and at most "
                    + MAX_DURATION + ", was " + Duration.ofMillis(durationMillis));
        }
    }

    public static PlaylistItem asset(AssetId asset, Duration duration) {
        return new PlaylistItem(Kind.ASSET, asset.value(), duration == null ? null : duration.toMillis());
    }

    public static PlaylistItem playlist(PlaylistId playlist) {
        return new PlaylistItem(Kind.PLAYLIST, playlist.value(), null);
    }

    public PlaylistItem withDuration(Duration duration) {
        return new PlaylistItem(kind, id, duration.toMillis());
    }
}
