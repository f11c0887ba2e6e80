package io.playmark.kernel.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record DeletePlaylistCommand(@TargetAggregateIdentifier PlaylistId playlistId) {

    public DeletePlaylistCommand {
        Objects.requireNonNull(playlistId, "playlistId");
    }
}
