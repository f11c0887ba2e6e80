package io.playmark.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An aggregate's own state is its private fields, which have no getters (aggregates expose no state): snapshots
 * and the audit trail's states write and read it field by field, with this mapper.
 */
public final class AggregateFields {

    private AggregateFields() {
    }

    /** A copy of the messages' mapper that sees fields (and creators) only. */
    public static ObjectMapper mapper(ObjectMapper messages) {
        return messages.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    }
}
