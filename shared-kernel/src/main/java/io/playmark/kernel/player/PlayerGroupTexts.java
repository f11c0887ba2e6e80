package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

/** The free text a group carries beside its name. */
final class PlayerGroupTexts {

    private PlayerGroupTexts() {
    }

    static String description(String description) {
        String stripped = description == null ? "" : description.strip();
        if (stripped.length() > 2000) {
            throw new InvalidValueException("description", "description must be at most 2000 characters, was "
                    + stripped.length());
        }
        return stripped;
    }
}
