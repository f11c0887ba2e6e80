package io.playmark.infra.security;

import com.mongodb.client.MongoClient;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-start admin key, on a database of its own in the embedded MongoDB server. */
class AdminKeyBootstrapIT extends PlaymarkIntegrationTest {

    @Autowired
    MongoClient mongoClient;

    @TempDir
    Path dataDirectory;

    private ApiKeys keys;

    @BeforeEach
    void freshDatabase() {
        keys = new ApiKeys(new MongoTemplate(mongoClient, "bootstrap-" + UUID.randomUUID()), Clock.systemUTC());
    }

    @Test
    void the_first_start_issues_an_admin_key_into_an_owner_only_file_and_later_starts_issue_none() throws IOException {
        new AdminKeyBootstrap(keys, dataDirectory, "");

        Path keyFile = dataDirectory.resolve("admin-api-key");
        String plainText = Files.readString(keyFile).strip();
        assertThat(plainText).startsWith("pmk_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(keys.recognise(plainText)).hasValueSatisfying(key -> assertThat(key.roles()).containsExactly(Role.ADMIN));

        new AdminKeyBootstrap(keys, dataDirectory, "");

        assertThat(keys.all()).hasSize(1);
        assertThat(Files.readString(keyFile).strip()).isEqualTo(plainText);
    }

    @Test
    void a_configured_admin_key_is_used_instead_and_no_file_is_written() {
        new AdminKeyBootstrap(keys, dataDirectory, "pmk_configured-by-automation-01");

        assertThat(keys.recognise("pmk_configured-by-automation-01")).isPresent();
        assertThat(dataDirectory.resolve("admin-api-key")).doesNotExist();
    }

    @Test
    void keys_are_stored_only_as_hashes() {
        ApiKeys.IssuedKey issued = keys.issue("screen 7", Set.of(Role.PLAYER), "player-7");

        assertThat(issued.key().hash()).isNotEqualTo(issued.plainText()).hasSize(64);
        assertThat(keys.findById(issued.key().id()).orElseThrow().toString()).doesNotContain(issued.plainText());
        assertThat(keys.recognise(issued.plainText()).orElseThrow().playerId()).isEqualTo("player-7");
    }
}
