package io.playmark.command.player;

import io.playmark.kernel.InvalidValueException;

import java.util.List;

/** The configured player hardware profiles ({@code playmark.media.player-profiles}), by name. */
public interface HardwareProfiles {

    List<String> names();

    /** Fails naming the field when {@code name} is not a configured profile. */
    default void require(String name) {
        if (!names().contains(name)) {
            throw new InvalidValueException("hardwareProfile", "'" + name + "' is not a configured player profile; "
                    + "the profiles are " + String.join(", ", names()));
        }
    }
}
