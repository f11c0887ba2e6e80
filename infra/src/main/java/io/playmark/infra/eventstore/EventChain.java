package io.playmark.infra.eventstore;

import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

/**
 * The tamper-evident hash of a stored event: SHA-256 over the hash of the previous event of its aggregate and the
 * event's stored fields (identifier, aggregate, sequence number, type, payload type and revision, timestamp,
 * serialized payload and metadata), each length-prefixed so that no two field lists hash alike. It is computed from
 * the event's document, at append and again at verification, so both read exactly what is stored.
 * The first event of an aggregate, and one whose predecessor was written before hashes existed, chain from nothing.
 */
public final class EventChain {

    /** The field of an event document that holds its hash (32 bytes); events written before it have none. */
    public static final String HASH = "hash";
    static final byte[] START = new byte[0];
    private static final HexFormat HEX = HexFormat.of();

    private EventChain() {
    }

    /** The hash of {@code event} (an event document, stored or about to be) when its predecessor's hash is given. */
    public static byte[] hash(byte[] previous, Document event) {
        MessageDigest digest = sha256();
        field(digest, previous);
        field(digest, text(event.getString(EventDocuments.EVENT_IDENTIFIER)));
        field(digest, text(event.getString(EventDocuments.AGGREGATE_IDENTIFIER)));
        Number sequence = event.get(EventDocuments.SEQUENCE_NUMBER, Number.class);
        field(digest, sequence == null ? null : longBytes(sequence.longValue()));
        field(digest, text(event.getString(EventDocuments.TYPE)));
        field(digest, text(event.getString(EventDocuments.PAYLOAD_TYPE)));
        field(digest, text(event.getString(EventDocuments.PAYLOAD_REVISION)));
        Date timestamp = event.getDate(EventDocuments.TIMESTAMP);
        field(digest, timestamp == null ? null : longBytes(timestamp.getTime()));
        field(digest, bytes(event.get(EventDocuments.PAYLOAD)));
        field(digest, bytes(event.get(EventDocuments.META_DATA)));
        return digest.digest();
    }

    /** The hash stored in an event document, or null for an event written before hashes existed. */
    public static byte[] storedHash(Document event) {
        return bytes(event.get(HASH));
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A null field hashes differently from an empty one. */
    static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** Serialized data is byte[] before it is stored, a BSON binary once read back, or a String (JSON data type). */
    private static byte[] bytes(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] raw -> raw;
            case Binary binary -> binary.getData();
            case String string -> string.getBytes(StandardCharsets.UTF_8);
            default -> text(value.toString());
        };
    }
}
