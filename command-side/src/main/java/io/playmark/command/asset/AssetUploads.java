package io.playmark.command.asset;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.AssetTitle;
import io.playmark.kernel.asset.BlobStore;
import io.playmark.kernel.asset.FileName;
import io.playmark.kernel.asset.FolderPath;
import io.playmark.kernel.asset.RegisterAssetCommand;
import io.playmark.kernel.asset.StoredContent;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.asset.UploadAssetVersionCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The one way a file becomes an asset, whether it came as a REST upload, over tus or from an import folder: staged
 * while its digest is computed, inspected, claimed by digest (the same content twice answers the first asset),
 * stored, then registered. A failure at any step undoes the steps before it, so nothing is half-written; a blob
 * stored but never registered is left to the storage cleanup, which spares young blobs.
 */
@Service
public class AssetUploads implements FileImporter {

    private static final Logger log = LoggerFactory.getLogger(AssetUploads.class);

    private final Staging staging;
    private final ContentInspector inspector;
    private final ContentClaims claims;
    private final BlobStore blobs;
    private final CommandGateway commands;

    AssetUploads(@Value("${playmark.data-dir}") Path dataDirectory,
                 @Value("${playmark.media.upload.max-bytes}") DataSize maxBytes,
                 @Value("${playmark.media.upload.max-image-pixels}") long maxImagePixels,
                 ContentClaims claims, BlobStore blobs, CommandGateway commands) {
        this.staging = new Staging(dataDirectory.resolve("staging"), maxBytes.toBytes());
        this.inspector = new ContentInspector(maxImagePixels);
        this.claims = claims;
        this.blobs = blobs;
        this.commands = commands;
    }

    /** A file read from a request, not yet checked: its details are checked before it is registered. */
    public record Received(StagedFile staged, FileName fileName) {
    }

    /** Streams one file of a request into staging; the caller registers it once it has the request's details. */
    public Received receive(InputStream content, String originalName) {
        FileName name = new FileName(originalName);
        return new Received(staging.write(content), name);
    }

    public ImportedFile register(Received received, ImportDetails details) {
        return register(received.staged(), received.fileName(), details);
    }

    /** Drops a received file that will not be registered (another part of its request was refused). */
    public void discard(Received received) {
        staging.discard(received.staged().path());
    }

    @Override
    public ImportedFile importFile(Path file, String originalName, ImportDetails details) {
        FileName name = new FileName(originalName);
        return register(staging.adopt(file), name, details);
    }

    /** Makes a received file the asset's new content version; the content must not be another asset's. */
    public ImportedFile registerVersion(AssetId assetId, Received received) {
        StagedFile staged = received.staged();
        try {
            StoredContent content = checkAndClaim(staged, received.fileName(), assetId);
            try {
                commands.sendAndWait(new UploadAssetVersionCommand(assetId, received.fileName(), content));
            } catch (AggregateNotFoundException unknown) {
                claims.release(staged.sha256(), assetId);
                throw new NotFoundException("No asset with id " + assetId);
            } catch (RuntimeException failed) {
                claims.release(staged.sha256(), assetId);
                throw failed;
            }
            return new ImportedFile(assetId, false);
        } finally {
            staging.discard(staged.path());
        }
    }

    private ImportedFile register(StagedFile staged, FileName name, ImportDetails details) {
        try {
            AssetTitle title = new AssetTitle(details.title() == null || details.title().isBlank()
                    ? name.baseName() : details.title());
            FolderPath folder = new FolderPath(details.folder());
            Set<Tag> tags = Tag.of(details.tags());
            AssetId assetId = AssetId.random();
            StoredContent content;
            try {
                content = checkAndClaim(staged, name, assetId);
            } catch (ContentHeldElsewhere held) {
                log.info("Upload of '{}' ({}) is the content of asset {}", name.value(), staged.sha256(), held.owner);
                return new ImportedFile(held.owner, true);
            }
            try {
                commands.sendAndWait(new RegisterAssetCommand(assetId, title, name, folder, tags, content));
            } catch (RuntimeException failed) {
                claims.release(staged.sha256(), assetId);
                throw failed;
            }
            log.info("Asset {} registered from '{}' ({}, {} bytes, {})", assetId, name.value(), content.mediaType(),
                    content.sizeBytes(), content.sha256());
            return new ImportedFile(assetId, false);
        } finally {
            staging.discard(staged.path());
        }
    }

    /** Inspects, claims and stores the content for {@code assetId}; the claim is given up again if storing fails. */
    private StoredContent checkAndClaim(StagedFile staged, FileName name, AssetId assetId) {
        ContentInspector.Inspected inspected = inspector.inspect(staged.path(), name);
        Optional<AssetId> owner = claims.claim(staged.sha256(), assetId);
        if (owner.isPresent()) {
            throw new ContentHeldElsewhere(owner.get());
        }
        try {
            blobs.put(staged.sha256(), staged.path(), inspected.mediaType());
        } catch (IOException | RuntimeException failed) {
            claims.release(staged.sha256(), assetId);
            throw failed instanceof IOException io ? new UncheckedIOException("could not store the file", io)
                    : (RuntimeException) failed;
        }
        return new StoredContent(staged.sha256(), staged.sizeBytes(), inspected.mediaType(), inspected.kind());
    }

    /** The content is already another asset's: a duplicate upload, or a conflict for a new version. */
    private static final class ContentHeldElsewhere extends ConflictException {

        private final AssetId owner;

        ContentHeldElsewhere(AssetId owner) {
            super("This content is already asset " + owner);
            this.owner = owner;
        }
    }
}
