package io.playmark.infra.media;

/** A picture's width and height in pixels, as a rendition of it is made. */
record PictureSize(int width, int height) {

    /**
     * {@code width × height} scaled down, never up, keeping its aspect ratio, so that its shorter side is at most
     * {@code maxShortSide} and its width at most {@code maxWidth}; in even numbers, which H.264 in 4:2:0 needs.
     */
    static PictureSize within(int width, int height, int maxShortSide, int maxWidth) {
        double scale = Math.min(1.0, Math.min((double) maxShortSide / Math.min(width, height),
                (double) maxWidth / width));
        return new PictureSize(even(width * scale), even(height * scale));
    }

    private static int even(double pixels) {
        return (int) Math.max(2, Math.round(pixels) / 2 * 2);
    }

    /** ffmpeg's filter that makes a picture this size, with square pixels. */
    String scaleFilter() {
        return "scale=" + width + ":" + height + ",setsar=1";
    }
}
