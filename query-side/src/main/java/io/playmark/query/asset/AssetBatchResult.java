package io.playmark.query.asset;

import io.playmark.kernel.ErrorKind;

/** One item's outcome in a batch change: the asset after it, or why it failed. */
record AssetBatchResult(String id, boolean ok, AssetView asset, ItemError error) {

    record ItemError(ErrorKind classification, String message) {
    }

    static AssetBatchResult succeeded(String id, AssetView asset) {
        return new AssetBatchResult(id, true, asset, null);
    }

    static AssetBatchResult failed(String id, ErrorKind kind, String message) {
        return new AssetBatchResult(id, false, null, new ItemError(kind, message));
    }
}
