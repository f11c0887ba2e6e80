package io.playmark.query.report;

/** A column of a report's table; NUMBER cells are longs, DECIMAL doubles, TEXT strings (or null), FLAG booleans. */
public record ReportColumn(String name, Kind kind) {

    public enum Kind { TEXT, NUMBER, DECIMAL, FLAG }

    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.DECIMAL;
    }
}
