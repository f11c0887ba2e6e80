package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex digits: the identity of a file's content and its storage key. */
public record Sha256(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(value).matches()) {
            throw new InvalidValueException("sha256", "a SHA-256 digest is 64 hex digits, was '" + value + "'");
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return value;
    }
}
