package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A label on an asset or a player: lower case, 1 to 50 letters, digits, spaces or {@code - _ : .}; "Summer Sale" is "summer sale". */
public record Tag(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _:.\\-]{1,50}");

    public Tag {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("tags", "'" + value + "' is not a tag: 1 to 50 letters, digits, spaces or - _ : .");
        }
    }

    /** Tags from input, deduplicated and sorted; at most 50 on one asset or player. */
    public static Set<Tag> of(Collection<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<Tag> tags = values.stream().map(Tag::new).collect(Collectors.toCollection(
                () -> new TreeSet<>(Comparator.comparing(Tag::value))));
        if (tags.size() > 50) {
            throw new InvalidValueException("tags", "at most 50 tags, " + tags.size() + " were given");
        }
        return tags;
    }

    public static Set<String> values(Set<Tag> tags) {
        return tags.stream().map(Tag::value).collect(Collectors.toCollection(TreeSet::new));
    }
}
