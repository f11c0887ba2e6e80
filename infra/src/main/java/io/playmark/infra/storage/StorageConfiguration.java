package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.nio.file.Path;

/** The blob store assets live in: files under the data directory unless configured otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({S3StorageProperties.class, BlobCleanupProperties.class})
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "playmark.storage.type", havingValue = "local", matchIfMissing = true)
    BlobStore localBlobStore(@Value("${playmark.data-dir}") Path dataDirectory) throws IOException {
        return new LocalBlobStore(dataDirectory.resolve("blobs"));
    }

    @Bean
    @ConditionalOnProperty(name = "playmark.storage.type", havingValue = "s3")
    BlobStore s3BlobStore(S3StorageProperties properties) throws IOException {
        return new S3BlobStore(s3Client(properties), properties).ensureBucket();
    }

    /**
     * The SDK's plain URL-connection HTTP client; checksums only where S3 requires them, since S3-compatible
     * servers do not all know the SDK's newer default ones (the digest is the key and is checked on upload anyway).
     */
    static S3Client s3Client(S3StorageProperties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .forcePathStyle(properties.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3StorageProperties properties) {
        return properties.accessKey().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(),
                        properties.secretKey()));
    }
}
