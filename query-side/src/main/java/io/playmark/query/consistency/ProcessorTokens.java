package io.playmark.query.consistency;

import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The tokens event processors have stored in the shared token store, segment by segment, as every
 * instance sees them: how far a projection has come on the instances that own its segments.
 */
public interface ProcessorTokens {

    /** Each segment's stored token and owner; empty for an unknown processor. */
    List<StoredSegment> storedSegments(String processorName);

    /**
     * @param token null while the segment has stored none yet
     * @param owner the instance that holds the segment's claim, null when nobody does
     */
    record StoredSegment(int segment, TrackingToken token, String owner) {
    }
}
