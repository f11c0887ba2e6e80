package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

/** A screen's picture size in pixels, as it is mounted (a portrait screen is taller than wide). */
public record Resolution(int width, int height) {

    private static final int MAX = 16_384;

    public Resolution {
        if (width < 1 || width > MAX || height < 1 || height > MAX) {
            throw new InvalidValueException("resolution", "width and height must be between 1 and " + MAX
                    + " pixels, were " + width + "×" + height);
        }
    }
}
