package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the metadata editor sets beside the title: a description (at most 2,000 characters), custom fields (at most
 * 50, keys of letters, digits and {@code _ - .}, values at most 500 characters) and an expiry instant, at which the
 * asset retires by itself. Null description and expiry mean none.
 */
public record AssetMetadata(AssetTitle title, String description, Map<String, String> customFields, Instant expiresAt) {

    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,50}");

    public AssetMetadata {
        Objects.requireNonNull(title, "title");
        description = description == null || description.isBlank() ? null : description.strip();
        if (description != null && description.length() > 2000) {
            throw new InvalidValueException("description", "description must be at most 2000 characters, was "
                    + description.length());
        }
        customFields = checked(customFields);
    }

    private static Map<String, String> checked(Map<String, String> fields) {
        Map<String, String> sorted = new TreeMap<>();
        if (fields == null) {
            return sorted;
        }
        if (fields.size() > 50) {
            throw new InvalidValueException("customFields", "at most 50 custom fields, " + fields.size() + " were given");
        }
        fields.forEach((key, value) -> {
            String k = key == null ? "" : key.strip();
            if (!KEY.matcher(k).matches()) {
                throw new InvalidValueException("customFields", "'" + key + "' is not a field name: 1 to 50 letters, digits or _ - .");
            }
            String v = value == null ? "" : value.strip();
            if (v.length() > 500) {
                throw new InvalidValueException("customFields." + k, "a custom field's value is at most 500 characters");
            }
            sorted.put(k, v);
        });
        return sorted;
    }
}
