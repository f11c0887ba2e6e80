package io.playmark.command.play;

import io.playmark.kernel.play.PlayId;

import java.util.Collection;
import java.util.Set;

/** Which plays the event store holds already: asked once a batch's append found one of them there. */
public interface RecordedPlayIds {

    /** The plays among {@code plays} whose aggregate is stored. */
    Set<PlayId> recordedAmong(Collection<PlayId> plays);
}
