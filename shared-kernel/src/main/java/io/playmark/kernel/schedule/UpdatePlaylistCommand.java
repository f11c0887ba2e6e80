package io.playmark.kernel.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record UpdatePlaylistCommand(@TargetAggregateIdentifier PlaylistId playlistId, PlaylistName name,
                                    PlaylistContent content) {

    public UpdatePlaylistCommand {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
