package io.playmark.kernel.asset;

/** What sort of file an asset is; it decides how the asset is probed and which renditions it gets. */
public enum MediaKind {
    VIDEO,
    IMAGE
}
