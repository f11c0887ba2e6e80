package io.playmark.command.asset;

import java.util.List;

/** What the sender of a file says about it; any of them may be null (title: the file name; folder: the root). */
public record ImportDetails(String title, String folder, List<String> tags) {

    public ImportDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
