package io.playmark.kernel.report;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a report definition; a UUID, so that a client can choose it and retry a definition safely. */
public record ReportId(String value) {

    public ReportId {
        value = Ids.requireUuid("id", "report id", value);
    }

    public static ReportId random() {
        return new ReportId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
