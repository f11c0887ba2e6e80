package io.playmark.infra.support;

import io.playmark.command.asset.FileImporter;
import io.playmark.command.asset.MediaProcessing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts the {@link RecordingFileImporter} in front of the application's importer in every test application (an
 * auto-configuration of the test class path, so that it comes after the application's own beans), and stands in
 * for the parts of the media feature the application does not have yet.
 */
@AutoConfiguration
public class RecordingFileImporterConfiguration {

    @Bean
    @Primary
    RecordingFileImporter recordingFileImporter(ObjectProvider<FileImporter> importers) {
        return new RecordingFileImporter(importers);
    }

    /** While the application has no media processing of its own, assets' content goes unprocessed in tests. */
    @Bean
    @ConditionalOnMissingBean
    MediaProcessing unprocessedMedia() {
        return (assetId, contentVersion, sha256, kind) -> {
        };
    }
}
