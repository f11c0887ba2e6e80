package io.playmark.infra.support;

import io.playmark.command.asset.FileImporter;
import io.playmark.command.asset.ImportDetails;
import io.playmark.command.asset.ImportedFile;
import io.playmark.kernel.UnsupportedContentException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.Sha256;
import org.springframework.beans.factory.ObjectProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every file handed to the application's {@link FileImporter} (its name, details and the SHA-256 of its
 * bytes) and passes it on. Where the application has no importer of its own yet, it stands in for one: images (PNG,
 * JPEG) become assets, one per distinct content, and anything else is refused as the real sniffing would.
 */
public class RecordingFileImporter implements FileImporter {

    /** One file handed over; {@code result} is null when it was refused. */
    public record Import(String originalName, ImportDetails details, Sha256 sha256, long sizeBytes, ImportedFile result) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final ObjectProvider<FileImporter> importers;
    private final List<Import> imports = new CopyOnWriteArrayList<>();
    private final Map<Sha256, AssetId> standInAssets = new ConcurrentHashMap<>();

    RecordingFileImporter(ObjectProvider<FileImporter> importers) {
        this.importers = importers;
    }

    @Override
    public ImportedFile importFile(Path file, String originalName, ImportDetails details) {
        Sha256 sha256 = sha256(file);
        long size = size(file);
        try {
            ImportedFile result = importers.orderedStream().filter(importer -> importer != this).findFirst()
                    .map(real -> real.importFile(file, originalName, details))
                    .orElseGet(() -> standIn(file, sha256));
            imports.add(new Import(originalName, details, sha256, size, result));
            return result;
        } catch (RuntimeException refused) {
            imports.add(new Import(originalName, details, sha256, size, null));
            throw refused;
        }
    }

    public List<Import> imports() {
        return List.copyOf(imports);
    }

    private ImportedFile standIn(Path file, Sha256 sha256) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(4);
            }
            Files.delete(file);
            if (!startsWith(head, PNG) && !startsWith(head, JPEG)) {
                throw new UnsupportedContentException("The file is not an image Playmark takes (test stand-in)");
            }
            AssetId fresh = AssetId.random();
            AssetId asset = standInAssets.computeIfAbsent(sha256, digest -> fresh);
            return new ImportedFile(asset, !asset.equals(fresh));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    public static Sha256 sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return Sha256.of(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
