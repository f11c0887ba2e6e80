package io.playmark.kernel.asset;

/**
 * How sharp a picture is, by its shorter side as shown, so that a portrait 1080×1920 video is Full HD like
 * its landscape twin.
 */
public enum ResolutionClass {
    /** Shorter side under 720 pixels. */
    SD,
    /** 720 to 1079. */
    HD,
    /** 1080 to 2159. */
    FULL_HD,
    /** 2160 and more. */
    UHD_4K;

    public static ResolutionClass of(MediaProbe probe) {
        int shorter = Math.min(probe.displayWidth(), probe.displayHeight());
        return shorter >= 2160 ? UHD_4K : shorter >= 1080 ? FULL_HD : shorter >= 720 ? HD : SD;
    }
}
