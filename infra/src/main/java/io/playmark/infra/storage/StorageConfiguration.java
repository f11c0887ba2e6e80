package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/** The blob store assets live in: files under the data directory unless configured otherwise. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "playmark.storage.type", havingValue = "local", matchIfMissing = true)
    BlobStore localBlobStore(@Value("${playmark.data-dir}") Path dataDirectory) throws IOException {
        return new LocalBlobStore(dataDirectory.resolve("blobs"));
    }
}
