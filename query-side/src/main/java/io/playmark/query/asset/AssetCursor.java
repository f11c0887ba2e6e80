package io.playmark.query.asset;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.playmark.kernel.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a page of a library search ended: the last hit's sort values, handed back to Elasticsearch as
 * {@code search_after}. Each value is typed (l long, d double, s string, b boolean, n null) and encoded apart, so
 * that a title holding any character survives the round trip.
 */
final class AssetCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private AssetCursor() {
    }

    static String encode(List<FieldValue> sortValues) {
        return sortValues.stream().map(AssetCursor::typed)
                .map(text -> ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining("."));
    }

    static List<FieldValue> decode(String cursor, int expectedValues) {
        try {
            List<FieldValue> values = new ArrayList<>();
            for (String part : cursor.split("\\.")) {
                String text = new String(DECODER.decode(part), StandardCharsets.UTF_8);
                String value = text.substring(1);
                values.add(switch (text.charAt(0)) {
                    case 'l' -> FieldValue.of(Long.parseLong(value));
                    case 'd' -> FieldValue.of(Double.parseDouble(value));
                    case 'b' -> FieldValue.of(Boolean.parseBoolean(value));
                    case 's' -> FieldValue.of(value);
                    case 'n' -> FieldValue.NULL;
                    default -> throw new IllegalArgumentException("unknown type");
                });
            }
            if (values.size() != expectedValues) {
                throw new IllegalArgumentException("a cursor of another sort");
            }
            return values;
        } catch (RuntimeException malformed) {
            throw new InvalidValueException("after", "after is not a cursor this search returned: '" + cursor + "'");
        }
    }

    private static String typed(FieldValue value) {
        return switch (value._kind()) {
            case Long -> "l" + value.longValue();
            case Double -> "d" + value.doubleValue();
            case Boolean -> "b" + value.booleanValue();
            case String -> "s" + value.stringValue();
            case Null -> "n";
            default -> throw new IllegalStateException("Elasticsearch sorted by a value of kind " + value._kind());
        };
    }
}
