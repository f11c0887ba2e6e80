package io.playmark.infra.ingest;

import me.desair.tus.server.TusFileUploadService;

import java.io.IOException;

/** Removes expired unfinished uploads and stale locks: a JobRunr job. */
public class TusCleanup {

    private final TusFileUploadService uploads;

    TusCleanup(TusFileUploadService uploads) {
        this.uploads = uploads;
    }

    public void run() throws IOException {
        uploads.cleanup();
    }
}
