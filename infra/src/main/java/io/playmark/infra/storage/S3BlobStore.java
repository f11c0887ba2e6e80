package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Blobs as objects in an S3-compatible bucket, in the same content-addressed layout as {@link LocalBlobStore}:
 * {@code prefix + ab/cd/abcd…}. An object appears whole when its upload completes (single or multipart), so a
 * reader never sees half of one, and two instances storing the same digest write the same bytes.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final long partSize;

    public S3BlobStore(S3Client s3, S3StorageProperties properties) {
        this.s3 = s3;
        this.bucket = properties.requireBucket().bucket();
        this.prefix = properties.prefix();
        this.multipartThreshold = properties.multipartThreshold().toBytes();
        this.partSize = properties.partSize().toBytes();
    }

    /** Creates the bucket when it is missing; another instance creating it at the same moment is fine. */
    public S3BlobStore ensureBucket() throws IOException {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception missing) {
            if (missing.statusCode() != NOT_FOUND) {
                throw failure("check bucket " + bucket, missing);
            }
            createBucket();
        } catch (SdkException e) {
            throw failure("check bucket " + bucket, e);
        }
        return this;
    }

    private void createBucket() throws IOException {
        try {
            s3.createBucket(request -> request.bucket(bucket));
            log.info("Created S3 bucket {} for blobs", bucket);
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException createdMeanwhile) {
            log.debug("S3 bucket {} was created meanwhile", bucket);
        } catch (SdkException e) {
            throw failure("create bucket " + bucket, e);
        }
    }

    @Override
    public void put(Sha256 sha256, Path file, String mediaType) throws IOException {
        String key = keyOf(sha256);
        try {
            if (find(sha256).isPresent()) {
                // a copy onto itself renews LastModified: the cleanup's grace period then spares a blob that an
                // upload in flight is about to register again
                s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                        .destinationKey(key).contentType(mediaType).metadataDirective(MetadataDirective.REPLACE));
            } else if (Files.size(file) > multipartThreshold) {
                putInParts(key, file, Files.size(file), mediaType);
            } else {
                s3.putObject(request -> request.bucket(bucket).key(key).contentType(mediaType), RequestBody.fromFile(file));
            }
        } catch (SdkException e) {
            throw failure("store " + sha256, e);
        }
        Files.deleteIfExists(file);
    }

    /** A large file in parts read straight from the file, each re-readable when the SDK retries it. */
    private void putInParts(String key, Path file, long size, String mediaType) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(mediaType))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0, number = 1; offset < size; offset += partSize, number++) {
                long start = offset;
                long length = Math.min(partSize, size - offset);
                int partNumber = (int) number;
                String eTag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(file, start, length), length, mediaType)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException e) {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Blob> find(Sha256 sha256) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(keyOf(sha256)));
            return Optional.of(new Blob(sha256, head.contentLength(), head.lastModified()));
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("find " + sha256, e);
        } catch (SdkException e) {
            throw failure("find " + sha256, e);
        }
    }

    @Override
    public InputStream open(Sha256 sha256, long offset, long length) throws IOException {
        if (length <= 0) {
            // an HTTP range cannot be empty; the blob must exist all the same
            find(sha256).orElseThrow(() -> noBlob(sha256));
            return InputStream.nullInputStream();
        }
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(request -> request.bucket(bucket)
                    .key(keyOf(sha256)).range("bytes=%d-%d".formatted(offset, offset + length - 1)));
            return new BoundedInputStream(body, length);
        } catch (S3Exception e) {
            throw e.statusCode() == NOT_FOUND ? noBlob(sha256) : failure("read " + sha256, e);
        } catch (SdkException e) {
            throw failure("read " + sha256, e);
        }
    }

    @Override
    public Path localFile(Sha256 sha256, Path scratch) throws IOException {
        Path copy = Files.createDirectories(scratch).resolve(sha256 + "-" + UUID.randomUUID());
        try {
            s3.getObject(request -> request.bucket(bucket).key(keyOf(sha256)), ResponseTransformer.toFile(copy));
            return copy;
        } catch (S3Exception e) {
            Files.deleteIfExists(copy);
            throw e.statusCode() == NOT_FOUND ? noBlob(sha256) : failure("download " + sha256, e);
        } catch (SdkException e) {
            Files.deleteIfExists(copy);
            throw failure("download " + sha256, e);
        }
    }

    @Override
    public void delete(Sha256 sha256) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(keyOf(sha256)));
        } catch (SdkException e) {
            throw failure("delete " + sha256, e);
        }
    }

    @Override
    public void forEach(Consumer<Blob> action) throws IOException {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                blobOf(object).ifPresent(action);
            }
        } catch (SdkException e) {
            throw failure("list blobs", e);
        }
    }

    /** Only keys of the layout are blobs; anything else under the prefix is left alone. */
    private Optional<Blob> blobOf(S3Object object) {
        String key = object.key();
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!DIGEST.matcher(name).matches() || !key.equals(keyOf(new Sha256(name)))) {
            return Optional.empty();
        }
        return Optional.of(new Blob(new Sha256(name), object.size(), object.lastModified()));
    }

    @Override
    public void close() {
        s3.close();
    }

    private String keyOf(Sha256 sha256) {
        String hex = sha256.value();
        return prefix + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
    }

    private static NoSuchFileException noBlob(Sha256 sha256) {
        return new NoSuchFileException(sha256.value(), null, "no blob " + sha256);
    }

    private IOException failure(String what, SdkException cause) {
        return new IOException("S3 storage (bucket " + bucket + ") failed to " + what + ": " + cause.getMessage(), cause);
    }
}
