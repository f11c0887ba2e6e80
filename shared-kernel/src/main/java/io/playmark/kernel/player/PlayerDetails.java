package io.playmark.kernel.player;

import io.playmark.kernel.Texts;
import io.playmark.kernel.asset.Orientation;

import java.util.Objects;

/** What a player is, apart from where it stands and how it is tagged: its name, screen and loop. */
public record PlayerDetails(String name, Resolution resolution, Orientation orientation, LoopLength loopLength) {

    public PlayerDetails {
        name = Texts.requireText("name", name, 200);
        Objects.requireNonNull(resolution, "resolution");
        if (orientation == null) {
            orientation = resolution.width() > resolution.height() ? Orientation.LANDSCAPE
                    : resolution.width() < resolution.height() ? Orientation.PORTRAIT : Orientation.SQUARE;
        }
        loopLength = loopLength == null ? LoopLength.DEFAULT : loopLength;
    }
}
