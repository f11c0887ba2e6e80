package io.playmark.query.report;

/** Runs queued report runs in the background (JobRunr in infra): what the API needs of it. */
public interface ReportRunner {

    /** Hands a queued run to the job queue. */
    void enqueue(ReportRunView run);

    /** A queued run was cancelled: its job need not start. */
    void dequeue(String runId);
}
