package io.playmark.query.asset;

import java.util.List;

/**
 * What the library's assets (not deleted ones) keep in storage: their content's bytes and, with their renditions,
 * all they store, in total and per folder, each folder with its subfolders.
 */
public record AssetStorageUsage(long assetCount, long contentBytes, long storedBytes, List<FolderUsage> folders) {

    public record FolderUsage(String folder, long assetCount, long contentBytes, long storedBytes) {
    }
}
