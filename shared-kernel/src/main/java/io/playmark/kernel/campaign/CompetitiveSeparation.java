package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.Texts;

import java.util.Locale;

/**
 * The advertiser's business category ("automotive", "soft drinks") and the rule that keeps competitors apart: no
 * two campaigns of the same category play on one player less than {@code minMinutesApart} minutes apart (0: only
 * never back to back).
 */
public record CompetitiveSeparation(String category, int minMinutesApart) {

    public CompetitiveSeparation {
        category = Texts.requireText("separation.category", category, 100).toLowerCase(Locale.ROOT);
        if (minMinutesApart < 0 || minMinutesApart > 1440) {
            throw new InvalidValueException("separation.minMinutesApart",
                    "separation.minMinutesApart must be between 0 and 1440, was " + minMinutesApart);
        }
    }
}
