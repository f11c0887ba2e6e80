package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * When in the week a campaign may play, in each player's local time: any of the parts. No parts at all means at
 * any time of its flight. Local time is the wall clock of the player's zone at that instant, so a daypart follows
 * daylight-saving changes: an hour skipped in spring does not happen, an hour repeated in autumn happens twice.
 */
public record Dayparts(List<Daypart> parts) {

    public static final int MAX_PARTS = 50;

    public static final Dayparts ALWAYS = new Dayparts(List.of());

    public Dayparts {
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (parts.size() > MAX_PARTS) {
            throw new InvalidValueException("dayparts", "a campaign has at most " + MAX_PARTS + " dayparts, "
                    + parts.size() + " were given");
        }
    }

    /** Whether an instant, seen on the wall clock of the zone it carries (the player's), is in a daypart. */
    public boolean contains(ZonedDateTime atPlayer) {
        return parts.isEmpty() || parts.stream().anyMatch(part -> part.contains(atPlayer.toLocalDateTime()));
    }
}
