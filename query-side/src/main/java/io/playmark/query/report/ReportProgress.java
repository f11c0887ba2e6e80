package io.playmark.query.report;

/** Told how far a run has read, between pages of data; answers whether the run was asked to stop. */
public interface ReportProgress {

    /** @param done 0 to 1; {@code rows} written so far */
    void update(double done, long rows);

    boolean cancelled();

    /** Thrown out of the reading when the run was cancelled. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("the run was cancelled", null, false, false);
        }
    }
}
