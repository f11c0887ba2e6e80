package io.playmark.kernel.asset;

/**
 * A file made from an asset's content: a player rendition (named after its profile, e.g. "video-1080p"),
 * or one of the fixed previews {@value #THUMBNAIL}, {@value #POSTER} and {@value #PREVIEW}. Plain values, as
 * events carry it.
 */
public record Rendition(String name, String sha256, long sizeBytes, String mediaType, String container,
                        String videoCodec, int width, int height, Long bitRate) {

    public static final String THUMBNAIL = "thumbnail";
    public static final String POSTER = "poster";
    public static final String PREVIEW = "preview";
}
