package io.playmark.infra.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@link ObjectDataType} for the keys of mongo-java-server's unique indexes, ordering them exactly as
 * ObjectDataType does but without serializing them for most comparisons.
 * <p>
 * The index keys are {@link KeyValue}s, which are not {@link Comparable}, so ObjectDataType orders two of them by
 * their Java serializations, byte by byte (unsigned), and serializes both on every comparison of a B-tree search: on
 * the H2 backend that was most of the server's time for inserts and index lookups, and why both slowed with the size
 * of a collection (docs/benchmarks.md, "Why the H2 backend slowed with the store"). Two keys of one value each
 * serialize alike up to that value (the same KeyValue and ArrayList headers), so when both values are of a kind whose
 * serialized form is known, the values' bytes decide, and they are compared here directly:
 * <ul>
 * <li>strings of 1 to 127 in every character and shorter than 65,536: a two-byte length, then one byte per
 * character, so the shorter string sorts first and equal lengths compare by character (except the one string the
 * stream has written before, the type of KeyValue's field, which it writes as a back reference);</li>
 * <li>two {@link Double}s (mongo-java-server keys numbers as doubles), or two {@link Long}s: the value's bits, big
 * endian, compared unsigned.</li>
 * </ul>
 * Everything else (several values, other types, mixed types) is left to ObjectDataType. Since the order is the same,
 * a file written with either key type is read correctly with the other; the tests check the order against
 * ObjectDataType's on many generated keys.
 */
final class IndexKeyDataType extends ObjectDataType {

    private static final int MAX_SHORT_STRING = 65_535;
    /** Written earlier in every KeyValue's serialization, so a value equal to it is written as a reference. */
    private static final String FIELD_TYPE_IN_STREAM = "Ljava/util/List;";

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second && first.size() == 1 && second.size() == 1) {
            Object left = first.get(0);
            Object right = second.get(0);
            if (left instanceof String x && right instanceof String y && isShortAscii(x) && isShortAscii(y)) {
                return x.length() != y.length() ? Integer.compare(x.length(), y.length())
                                                : Integer.signum(x.compareTo(y));
            }
            if (left instanceof Double x && right instanceof Double y) {
                return Long.compareUnsigned(Double.doubleToLongBits(x), Double.doubleToLongBits(y));
            }
            if (left instanceof Long x && right instanceof Long y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return super.compare(a, b);
    }

    private static boolean isShortAscii(String value) {
        if (value.length() > MAX_SHORT_STRING || value.equals(FIELD_TYPE_IN_STREAM)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }
}
