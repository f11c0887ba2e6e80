package io.playmark.infra.ingest;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the last scan saw of one file of an import folder, in {@code import_folder_files} under
 * {@code <folder>:<relative path>}: a file of the same size and modification time is not imported again; a refused
 * one keeps its reason and stays refused until it changes.
 */
@Document("import_folder_files")
record ImportedFileState(@Id String id, long sizeBytes, long modifiedMillis, String assetId, String refusal) {

    static String idOf(String folder, String relativePath) {
        return folder + ":" + relativePath;
    }

    boolean sameAs(long size, long modified) {
        return sizeBytes == size && modifiedMillis == modified;
    }
}
