package io.playmark.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.JobDashboardClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.TestAssets;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens from an OAuth2 issuer: signatures checked against the issuer's JWK set (served here by
 * a small HTTP server), roles read from the configured claim, for the API and the job dashboard alike.
 */
@SpringBootTest(classes = PlaymarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "playmark.mongodb.embedded.backend=memory",
                "playmark.jobs.dashboard.enabled=true",
                "playmark.security.admin-api-key=pmk_jwt-test-admin-key-000001",
                "playmark.security.jwt.roles-claim=playmark_roles"
        })
class JwtIT {

    private static final String ISSUER = "https://issuer.playmark.test";
    private static final RSAKey SIGNING_KEY = rsaKey("trusted");
    private static final RSAKey FOREIGN_KEY = rsaKey("foreign");
    private static final HttpServer JWKS = serveJwkSet(new JWKSet(SIGNING_KEY.toPublicJWK()));
    private static final int DASHBOARD_PORT = JobDashboardClient.freePort();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        registry.add("playmark.data-dir", () -> tempDirectory());
        registry.add("playmark.security.jwt.issuer-uri", () -> ISSUER);
        registry.add("playmark.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("playmark.jobs.dashboard.port", () -> DASHBOARD_PORT);
    }

    @AfterAll
    static void stopJwkSetServer() {
        JWKS.stop(0);
    }

    @Test
    void a_manager_token_creates_a_campaign_and_the_event_names_the_token_subject() {
        PlaymarkApi manager = new PlaymarkApi(port, null).withBearerToken(token(SIGNING_KEY, "alice", List.of("manager")));

        JsonNode response = manager.graphQl("mutation { createCampaign(input: {name: \"From a token\", advertiser: \"Acme\"}) { id } }");

        assertThat(response.get("errors")).isNull();
        String id = response.get("data").get("createCampaign").get("id").asString();
        var metaData = eventStore.readEvents(id).asStream().toList().getFirst().getMetaData();
        assertThat(metaData.get("authentication")).isEqualTo("jwt");
        assertThat(metaData.get("tokenSubject")).isEqualTo("alice");
        assertThat(metaData.get("principal")).isEqualTo("alice");
    }

    @Test
    void roles_come_from_the_configured_claim_so_an_analyst_token_cannot_write() {
        PlaymarkApi analyst = new PlaymarkApi(port, null).withBearerToken(token(SIGNING_KEY, "bob", List.of("ANALYST")));

        JsonNode read = analyst.graphQl("{ campaigns(first: 1) { edges { cursor } } }");
        JsonNode write = analyst.graphQl("mutation { createCampaign(input: {name: \"No\", advertiser: \"Acme\"}) { id } }");

        assertThat(read.get("errors")).isNull();
        assertThat(write.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
    }

    /** Every role reads assets, so only a caller with none is refused them: ApiDocumentIT counts on this test. */
    @Test
    void a_token_without_a_playmark_role_may_not_read_assets_or_their_files() {
        PlaymarkApi nobody = new PlaymarkApi(port, null).withBearerToken(token(SIGNING_KEY, "dave", List.of("nobody")));
        String asset = "/api/v1/assets/" + java.util.UUID.randomUUID();

        for (String path : TestAssets.READ_PATHS) {
            PlaymarkApi.Response response = nobody.get(path.replace("/api/v1/assets/{id}", asset)
                    .replace("{name}", "video-720p"));
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void a_token_signed_by_another_key_is_rejected_with_a_401_problem() {
        PlaymarkApi forged = new PlaymarkApi(port, null).withBearerToken(token(FOREIGN_KEY, "mallory", List.of("ADMIN")));

        PlaymarkApi.Response response = forged.post("/graphql", Map.of("query", "{ campaigns { edges { cursor } } }"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_admin_token_opens_the_job_dashboard_as_bearer_token_or_basic_password_and_no_other_token_does() {
        JobDashboardClient dashboard = new JobDashboardClient(DASHBOARD_PORT);
        String admin = token(SIGNING_KEY, "carol", List.of("ADMIN"));
        String forged = token(FOREIGN_KEY, "mallory", List.of("ADMIN"));

        assertThat(dashboard.bearer(admin).status()).isEqualTo(200);
        assertThat(dashboard.basic("admin", admin).status()).isEqualTo(200);
        JobDashboardClient.Answer manager = dashboard.bearer(token(SIGNING_KEY, "alice", List.of("MANAGER")));
        assertThat(manager.status()).isEqualTo(401);
        assertThat(manager.challenge()).startsWith("Basic realm=");
        assertThat(dashboard.bearer(forged).status()).isEqualTo(401);
        assertThat(dashboard.basic("admin", forged).status()).isEqualTo(401);
    }

    private static String token(RSAKey key, String subject, List<String> roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).claim("playmark_roles", roles)
                            .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(5, ChronoUnit.MINUTES)))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwkSet(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDirectory() {
        try {
            return Files.createTempDirectory("playmark-jwt-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
