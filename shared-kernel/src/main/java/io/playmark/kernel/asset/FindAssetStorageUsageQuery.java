package io.playmark.kernel.asset;

/** How much storage the library's assets take, in total and per folder (each with its subfolders). */
public record FindAssetStorageUsageQuery() {
}
