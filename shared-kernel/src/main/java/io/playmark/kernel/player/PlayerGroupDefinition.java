package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.Texts;

import java.util.Objects;

/** What a group is: its name, a description, and how it picks its players. */
public record PlayerGroupDefinition(String name, String description, PlayerGroupMembership membership) {

    public PlayerGroupDefinition {
        name = Texts.requireText("name", name, 200);
        description = description == null ? "" : description.strip();
        if (description.length() > 2000) {
            throw new InvalidValueException("description", "description must be at most 2000 characters, was "
                    + description.length());
        }
        Objects.requireNonNull(membership, "membership");
    }
}
