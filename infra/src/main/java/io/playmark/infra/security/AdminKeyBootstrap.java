package io.playmark.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure someone can administer a fresh Playmark. With {@code PLAYMARK_ADMIN_API_KEY} set, that key
 * is the admin key. Otherwise, on the first start with no admin key, one is issued, printed once in
 * the log and written to {@code <data dir>/admin-api-key}, readable by its owner only.
 */
@Component
public class AdminKeyBootstrap {

    static final String CONFIGURED_ADMIN_KEY_ID = "configured-admin";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final Path keyFile;
    private final String plainTextKey;

    AdminKeyBootstrap(ApiKeys keys, @Value("${playmark.data-dir}") Path dataDirectory,
                      @Value("${playmark.security.admin-api-key:}") String configuredKey) {
        this.keyFile = dataDirectory.resolve("admin-api-key").toAbsolutePath();
        if (!configuredKey.isBlank()) {
            keys.store(CONFIGURED_ADMIN_KEY_ID, "admin", Set.of(Role.ADMIN), null, configuredKey.strip());
            log.info("Admin API key taken from PLAYMARK_ADMIN_API_KEY");
            plainTextKey = configuredKey.strip();
        } else if (!keys.anyWithRole(Role.ADMIN)) {
            ApiKeys.IssuedKey issued = keys.issue("admin", Set.of(Role.ADMIN), null);
            writeOwnerOnly(keyFile, issued.plainText());
            log.warn("""
                    
                    ================================================================
                    First start: issued an admin API key. It is shown only this once:
                        {}
                    It is also in {} (owner-only). Send it as header X-Api-Key.
                    ================================================================""",
                    issued.plainText(), keyFile);
            plainTextKey = issued.plainText();
        } else {
            plainTextKey = readIfPresent(keyFile);
        }
    }

    /** The admin key's plain text when this process knows it (configured, just issued, or in the key file). */
    public Optional<String> adminKey() {
        return Optional.ofNullable(plainTextKey);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin key to " + file, e);
        }
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
