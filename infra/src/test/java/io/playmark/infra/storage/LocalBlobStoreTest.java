package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;

import java.nio.file.Path;

class LocalBlobStoreTest extends BlobStoreContract {

    @Override
    BlobStore emptyStore(Path work) throws Exception {
        return new LocalBlobStore(work.resolve("blobs"));
    }
}
