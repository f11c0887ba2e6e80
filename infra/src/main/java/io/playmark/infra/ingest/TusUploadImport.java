package io.playmark.infra.ingest;

import io.playmark.command.asset.FileImporter;
import io.playmark.command.asset.ImportDetails;
import io.playmark.command.asset.ImportedFile;
import io.playmark.kernel.ErrorKind;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tus upload whose last byte has arrived becomes an asset like any other upload: its bytes go to the
 * {@link FileImporter} with the Upload-Metadata {@code filename}, {@code title}, {@code folder} and {@code tags}
 * (comma separated). The upload is removed once imported, and terminated when its content is refused; after any
 * other failure it stays, so the client's retried final PATCH imports it again.
 */
@Component
class TusUploadImport {

    private static final Logger log = LoggerFactory.getLogger(TusUploadImport.class);

    private final TusFileUploadService uploads;
    private final FileImporter importer;
    private final IngestStaging staging;

    TusUploadImport(TusFileUploadService uploads, FileImporter importer, IngestStaging staging) {
        this.uploads = uploads;
        this.importer = importer;
        this.staging = staging;
    }

    /** The asset the upload became, or empty while bytes are missing. */
    Optional<ImportedFile> importIfFinished(String uploadUri, String owner) throws IOException, TusException {
        UploadInfo info = uploads.getUploadInfo(uploadUri, owner);
        if (info == null || info.isUploadInProgress()) {
            return Optional.empty();
        }
        Path staged = staging.newFile();
        try {
            try (InputStream bytes = uploads.getUploadedBytes(uploadUri, owner)) {
                Files.copy(bytes, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, String> metadata = info.getMetadata();
            ImportedFile imported = importer.importFile(staged, metadata.getOrDefault("filename", "upload"),
                    new ImportDetails(metadata.get("title"), metadata.get("folder"), tags(metadata.get("tags"))));
            uploads.deleteUpload(uploadUri, owner);
            log.info("tus upload {} ({} bytes) by {} is asset {}{}", info.getId(), info.getLength(), owner,
                    imported.assetId(), imported.duplicate() ? " (the same content was there already)" : "");
            return Optional.of(imported);
        } catch (RuntimeException refused) {
            if (ErrorKind.domainCause(refused).isPresent()) {
                uploads.deleteUpload(uploadUri, owner);
                log.info("tus upload {} by {} refused and terminated: {}", info.getId(), owner, refused.getMessage());
            }
            throw refused;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    static List<String> tags(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
