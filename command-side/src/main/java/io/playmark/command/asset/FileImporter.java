package io.playmark.command.asset;

import java.nio.file.Path;

/**
 * Makes a local file an asset, as an upload does: checked, stored and registered, or answered by the asset that
 * already holds the same content. For files that arrive other ways than a REST upload (tus, import folders).
 */
public interface FileImporter {

    /**
     * @param file consumed: moved into storage or deleted
     * @throws io.playmark.kernel.UnsupportedContentException when the content is not media Playmark plays
     * @throws io.playmark.kernel.ContentTooLargeException    when it is over a limit
     * @throws io.playmark.kernel.InvalidValueException       when a detail breaks a rule
     */
    ImportedFile importFile(Path file, String originalName, ImportDetails details);
}
