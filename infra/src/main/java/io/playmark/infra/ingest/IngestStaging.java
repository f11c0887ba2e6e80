package io.playmark.infra.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a finished tus upload or a file of an import folder is copied before the importer takes it: under the data
 * directory, so that the importer can move it into storage instead of copying it once more.
 */
@Component
class IngestStaging {

    private final Path directory;

    IngestStaging(@Value("${playmark.data-dir}") Path dataDirectory) throws IOException {
        this.directory = Files.createDirectories(dataDirectory.resolve("ingest-staging"));
    }

    Path newFile() throws IOException {
        return Files.createTempFile(directory, "ingest-", ".part");
    }
}
