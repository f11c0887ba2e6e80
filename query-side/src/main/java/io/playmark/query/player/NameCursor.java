package io.playmark.query.player;

import io.playmark.kernel.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of players or groups, in name order, ended: the last item's name and id. */
record NameCursor(String name, String id) implements Comparable<NameCursor> {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((id + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    static NameCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new NameCursor(raw.substring(colon + 1), raw.substring(0, colon));
        } catch (RuntimeException malformed) {
            throw new InvalidValueException("after", "after is not a cursor this API returned: '" + cursor + "'");
        }
    }

    @Override
    public int compareTo(NameCursor other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : id.compareTo(other.id);
    }
}
