package io.playmark.query.consistency;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Map;

/**
 * The tokens event processors have stored in the shared token store, segment by segment, as every
 * instance sees them: how far a projection has come on the instances that own its segments.
 */
public interface ProcessorTokens {

    /** Each segment's stored token (absent while a segment has none yet); empty for an unknown processor. */
    Map<Integer, TrackingToken> storedTokens(String processorName);
}
