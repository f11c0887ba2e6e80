package io.playmark.query.report;

import java.io.IOException;
import java.util.List;

/** Where a report's rows go as they are read, one at a time: the file writers. */
public interface ReportSink {

    void columns(List<ReportColumn> columns) throws IOException;

    /** One row, its cells in the order of the columns. */
    void row(List<Object> cells) throws IOException;
}
