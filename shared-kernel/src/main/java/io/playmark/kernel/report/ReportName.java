package io.playmark.kernel.report;

import io.playmark.kernel.Texts;

/** A report's display name: not blank, at most 200 characters, surrounding white space dropped. */
public record ReportName(String value) {

    public static final int MAX_LENGTH = 200;

    public ReportName {
        value = Texts.requireText("name", value, MAX_LENGTH);
    }
}
