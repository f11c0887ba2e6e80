package io.playmark.query.report;

/** Where a run stands; SUCCEEDED, FAILED and CANCELLED are final. */
public enum ReportRunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
