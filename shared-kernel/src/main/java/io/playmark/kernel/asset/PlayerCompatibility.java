package io.playmark.kernel.asset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which player profiles can play an asset, and from which file: the original when the player decodes it as it
 * is, otherwise the largest rendition it decodes. An asset no profile can play is flagged; scheduling refuses to
 * book an asset for a player whose profile is not among its players.
 */
public final class PlayerCompatibility {

    /** The name of the source that is the asset's own content, beside rendition names. */
    public static final String ORIGINAL = "ORIGINAL";

    /** Thumbnails, posters and previews are for people browsing the library, never for screens. */
    private static final Set<String> NOT_FOR_PLAYBACK = Set.of(Rendition.THUMBNAIL, Rendition.POSTER, Rendition.PREVIEW);

    /** Media subtypes whose usual short name differs from the subtype itself. */
    private static final Map<String, String> FORMAT_NAMES = Map.of("quicktime", "mov", "x-matroska", "mkv",
            "x-msvideo", "avi", "pjpeg", "jpeg", "jpg", "jpeg");

    /** A profile that plays the asset, and what it plays: {@link #ORIGINAL} or a rendition's name. */
    public record Playable(String profile, String source) {
    }

    /** One file a player could be sent: the original or a rendition. */
    private record Source(String name, MediaKind kind, String format, String videoCodec, int width, int height,
                          Long bitRate) {
    }

    private final List<PlayerProfile> profiles;

    public PlayerCompatibility(List<PlayerProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** The configured profiles' names, in their configured order: what a player's hardware profile must be. */
    public List<String> profileNames() {
        return profiles.stream().map(PlayerProfile::name).toList();
    }

    /**
     * The profiles that play an asset of this kind and media type, with this probe (null until probed: nothing
     * plays an asset whose content is not known) and these renditions, in the order the profiles are configured.
     */
    public List<Playable> playableBy(MediaKind kind, String mediaType, MediaProbe probe, List<Rendition> renditions) {
        if (probe == null) {
            return List.of();
        }
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(ORIGINAL, kind, format(mediaType), probe.videoCodec(), probe.displayWidth(),
                probe.displayHeight(), probe.bitRate()));
        renditions.stream().filter(r -> !NOT_FOR_PLAYBACK.contains(r.name()))
                .sorted(Comparator.comparingLong((Rendition r) -> (long) r.width() * r.height()).reversed()
                        .thenComparing(Rendition::name))
                .map(r -> new Source(r.name(), kindOf(r.mediaType(), kind), format(r.mediaType()), r.videoCodec(),
                        r.width(), r.height(), r.bitRate()))
                .forEach(sources::add);
        List<Playable> playable = new ArrayList<>();
        for (PlayerProfile profile : profiles) {
            firstPlayable(profile, sources).ifPresent(source -> playable.add(new Playable(profile.name(), source.name())));
        }
        return playable;
    }

    private static Optional<Source> firstPlayable(PlayerProfile profile, List<Source> sources) {
        return sources.stream().filter(source -> plays(profile, source)).findFirst();
    }

    /** An unknown bit rate (images, some containers) is not held against a file. */
    private static boolean plays(PlayerProfile profile, Source source) {
        boolean decodes = source.kind() == MediaKind.IMAGE
                ? profile.imageFormats().contains(source.format())
                : profile.containers().contains(source.format()) && source.videoCodec() != null
                  && profile.videoCodecs().contains(source.videoCodec().toLowerCase(Locale.ROOT));
        return decodes && profile.fits(source.width(), source.height())
                && (source.bitRate() == null || source.bitRate() <= profile.maxBitRate());
    }

    private static MediaKind kindOf(String mediaType, MediaKind otherwise) {
        if (mediaType == null) {
            return otherwise;
        }
        return mediaType.startsWith("image/") ? MediaKind.IMAGE : mediaType.startsWith("video/") ? MediaKind.VIDEO
                : otherwise;
    }

    /** "video/quicktime" is "mov", "image/jpeg" is "jpeg": the names profiles list containers and formats by. */
    static String format(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = semicolon < 0 ? type : type.substring(0, semicolon);
        String subtype = type.substring(type.indexOf('/') + 1).strip();
        return FORMAT_NAMES.getOrDefault(subtype, subtype);
    }
}
