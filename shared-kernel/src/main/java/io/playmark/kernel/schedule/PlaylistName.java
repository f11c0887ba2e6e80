package io.playmark.kernel.schedule;

import io.playmark.kernel.Texts;

/** A playlist's display name: not blank, at most 200 characters, surrounding white space dropped. */
public record PlaylistName(String value) {

    public static final int MAX_LENGTH = 200;

    public PlaylistName {
        value = Texts.requireText("name", value, MAX_LENGTH);
    }
}
