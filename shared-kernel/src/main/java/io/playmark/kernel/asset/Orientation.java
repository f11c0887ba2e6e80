package io.playmark.kernel.asset;

/** Which way a picture stands once its rotation is applied: what a screen hung that way can show full size. */
public enum Orientation {
    LANDSCAPE,
    PORTRAIT,
    SQUARE;

    public static Orientation of(MediaProbe probe) {
        int width = probe.displayWidth();
        int height = probe.displayHeight();
        return width > height ? LANDSCAPE : width < height ? PORTRAIT : SQUARE;
    }
}
