package io.playmark.kernel.asset;

/**
 * What probing found in a file. Plain values, as events carry it; fields a kind has not (an image's
 * duration, a silent video's audio codec) are null.
 *
 * @param container      the container or image format as ffmpeg names it, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "png_pipe"
 * @param rotation       degrees clockwise the player must turn the picture (0, 90, 180, 270)
 * @param width          the stored picture's width in pixels, before rotation
 * @param bitRate        bits per second over the whole file; null for images
 */
public record MediaProbe(String container, String videoCodec, String audioCodec, Long durationMillis,
                         int width, int height, Double frameRate, Long bitRate, int rotation) {

    /** Width and height as a screen shows them, after rotation. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
