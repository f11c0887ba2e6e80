package io.playmark.query.campaign;

import io.playmark.kernel.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of campaigns, ordered newest first, ended: the last item's creation time and id. */
record CampaignCursor(Instant createdAt, String id) {

    static CampaignCursor of(CampaignView view) {
        return new CampaignCursor(view.createdAt(), view.id());
    }

    String encode() {
        String raw = createdAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static CampaignCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new CampaignCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                    raw.substring(colon + 1));
        } catch (RuntimeException malformed) {
            throw new InvalidValueException("after", "after is not a cursor this API returned: '" + cursor + "'");
        }
    }
}
