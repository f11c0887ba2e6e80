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
import java.util.Set;

/**
 * Makes sure someone can administer a fresh Playmark. With {@code PLAYMARK_ADMIN_API_KEY} set, that key
 * is the admin key. Otherwise, on the first start with no admin key, one is issued, printed once in
 * the log and written to {@code <data dir>/admin-api-key}, readable by its owner only.
 */
@Component
class AdminKeyBootstrap {

    static final String CONFIGURED_ADMIN_KEY_ID = "configured-admin";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    AdminKeyBootstrap(ApiKeys keys, @Value("${playmark.data-dir}") Path dataDirectory,
                      @Value("${playmark.security.admin-api-key:}") String configuredKey) {
        Path keyFile = dataDirectory.resolve("admin-api-key").toAbsolutePath();
        if (!configuredKey.isBlank()) {
            keys.store(CONFIGURED_ADMIN_KEY_ID, "admin", Set.of(Role.ADMIN), null, configuredKey.strip());
            log.info("Admin API key taken from PLAYMARK_ADMIN_API_KEY");
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
        }
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
}
