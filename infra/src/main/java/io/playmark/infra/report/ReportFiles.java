package io.playmark.infra.report;

import io.playmark.kernel.NotFoundException;
import io.playmark.query.report.ReportRunView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Report files under one directory ({@code playmark.reports.directory}, data-dir/reports by default), a folder per
 * run named by its id. Several instances share it as they share the tus directory (ADR 0022).
 */
class ReportFiles {

    private final Path root;

    ReportFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The run's folder, emptied (a retried run starts over). */
    Path fresh(String runId) throws IOException {
        delete(runId);
        return Files.createDirectories(folder(runId));
    }

    Path folder(String runId) {
        Path folder = root.resolve(runId).normalize();
        if (!folder.getParent().equals(root.normalize())) {
            throw new NotFoundException("no report run " + runId);
        }
        return folder;
    }

    /** The stored file of a run the run lists; a name it does not list is not found. */
    Path file(ReportRunView run, String name) {
        boolean listed = run.files().stream().anyMatch(file -> file.name().equals(name));
        Path file = folder(run.id()).resolve(name).normalize();
        if (!listed || !Files.isRegularFile(file)) {
            throw new NotFoundException("run " + run.id() + " has no file " + name);
        }
        return file;
    }

    /** Deletes the run's folder; answers the bytes it freed. */
    long delete(String runId) throws IOException {
        Path folder = folder(runId);
        if (!Files.exists(folder)) {
            return 0;
        }
        long[] freed = {0};
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    if (Files.isRegularFile(path)) {
                        freed[0] += Files.size(path);
                    }
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return freed[0];
    }
}
