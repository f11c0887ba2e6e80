package io.playmark.command.asset;

import java.util.List;

/** What an uploader may say about a file: all optional (the title defaults to the file's name). */
public record ImportDetails(String title, String folder, List<String> tags) {

    public static final ImportDetails NONE = new ImportDetails(null, null, List.of());

    public ImportDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
