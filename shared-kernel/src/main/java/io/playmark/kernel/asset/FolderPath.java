package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A folder of the media library, nested with slashes: "/" is the root, "/brands/acme" a folder two levels
 * down. Segments are not blank, not "." or "..", at most 100 characters each, at most 10 levels.
 */
public record FolderPath(String value) {

    public static final FolderPath ROOT = new FolderPath("/");
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\\\]");

    public FolderPath {
        value = normalize(value);
    }

    private static String normalize(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equals("/")) {
            return "/";
        }
        String[] segments = Arrays.stream(raw.strip().split("/")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (segments.length > 10) {
            throw new InvalidValueException("folder", "folders nest at most 10 levels, '" + raw + "' has "
                    + segments.length);
        }
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..") || segment.length() > 100
                    || UNSAFE.matcher(segment).find()) {
                throw new InvalidValueException("folder", "'" + segment + "' is not a folder name (in '" + raw + "')");
            }
        }
        return "/" + String.join("/", segments);
    }

    /** This folder and every folder above it, root first: what a search by folder matches on. */
    public List<String> withAncestors() {
        List<String> paths = new ArrayList<>(List.of("/"));
        String[] segments = value.substring(1).split("/");
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!segment.isEmpty()) {
                path.append('/').append(segment);
                paths.add(path.toString());
            }
        }
        return paths;
    }
}
