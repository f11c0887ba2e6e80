package io.playmark.kernel.player;

import io.playmark.kernel.Texts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records that a player runs on other hardware: one of the configured player profiles. */
public record ChangePlayerProfileCommand(@TargetAggregateIdentifier PlayerId playerId, String hardwareProfile) {

    public ChangePlayerProfileCommand {
        Objects.requireNonNull(playerId, "playerId");
        hardwareProfile = Texts.requireText("hardwareProfile", hardwareProfile, 50);
    }
}
