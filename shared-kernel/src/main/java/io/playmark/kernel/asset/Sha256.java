package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** The digest of a file's content, read once. */
    public static Sha256 of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return of(digest.digest());
    }

    /** A SHA-256 digest to feed as bytes stream by, for content hashed while it is written. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
