package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * An uploaded file's name as shown to people: the last path segment only (so "../../etc/passwd" is
 * "passwd"), control and reserved characters replaced, Unicode kept (NFC), at most 255 characters. It never
 * names a place in storage, which is addressed by content.
 */
public record FileName(String value) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*\\u202A-\\u202E\\u2066-\\u2069]");

    public FileName {
        value = sanitize(value);
    }

    private static String sanitize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("file", "the file needs a name");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            throw new InvalidValueException("file", "the file name '" + raw + "' has nothing left once made safe");
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }

    /** The name without its extension, a title for an asset uploaded without one. */
    public String baseName() {
        int dot = value.lastIndexOf('.');
        return dot > 0 ? value.substring(0, dot) : value;
    }
}
