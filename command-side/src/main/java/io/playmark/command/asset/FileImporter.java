package io.playmark.command.asset;

import java.nio.file.Path;

/**
 * Turns a finished local file into an asset, as an upload does: sniffs and checks its content, stores it and
 * registers the asset, or answers the asset that already holds the same bytes. Resumable (tus) uploads and
 * import folders hand their files over here. Refused content is a kernel exception
 * ({@code UnsupportedContentException}, {@code ContentTooLargeException}, {@code InvalidValueException}).
 */
public interface FileImporter {

    /** The file is consumed (moved into storage or deleted), whatever the outcome. */
    ImportedFile importFile(Path file, String originalName, ImportDetails details);
}
