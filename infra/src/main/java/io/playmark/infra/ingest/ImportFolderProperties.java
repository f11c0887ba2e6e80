package io.playmark.infra.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folders on disk whose files become assets ({@code playmark.media.import-folders}), scanned on a schedule and on
 * demand.
 *
 * @param importScanCron when every import folder is scanned (JobRunr's cron, UTC); default every 15 minutes
 * @param importSettle   a file modified more recently than this is left for the next scan: it may still be copied in
 */
@ConfigurationProperties("playmark.media")
public record ImportFolderProperties(List<ImportFolder> importFolders, String importScanCron, Duration importSettle) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * @param name   how the API names it: letters, digits, - and _
     * @param path   the folder on disk
     * @param folder the library folder its files go to (a sub-folder on disk adds its own levels); default the root
     * @param tags   put on every asset it brings
     */
    public record ImportFolder(String name, Path path, String folder, List<String> tags) {

        public ImportFolder {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an import folder's name is 1 to 64 letters, digits, - or _, was '"
                        + name + "'");
            }
            if (path == null) {
                throw new IllegalArgumentException("import folder " + name + " has no path");
            }
            folder = folder == null || folder.isBlank() ? "/" : folder.strip();
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public ImportFolderProperties {
        importFolders = importFolders == null ? List.of() : List.copyOf(importFolders);
        importScanCron = importScanCron == null || importScanCron.isBlank() ? "*/15 * * * *" : importScanCron.strip();
        importSettle = importSettle == null ? Duration.ofMinutes(1) : importSettle;
        Set<String> names = new HashSet<>();
        for (ImportFolder folder : importFolders) {
            if (!names.add(folder.name())) {
                throw new IllegalArgumentException("two import folders are named " + folder.name());
            }
        }
    }

    Optional<ImportFolder> find(String name) {
        return importFolders.stream().filter(folder -> folder.name().equals(name)).findFirst();
    }
}
