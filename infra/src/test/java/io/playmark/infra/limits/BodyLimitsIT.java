package io.playmark.infra.limits;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over their path's limit (256 KB on /graphql and /api/**, 64 KB elsewhere) are refused with a 413
 * problem: from the Content-Length before anything is read, or, for chunked bodies, once reading passes the limit.
 */
class BodyLimitsIT extends PlaymarkIntegrationTest {

    private static final int LIMIT = 256 * 1024;
    private static final String JSON = "application/json";

    @Test
    void a_body_over_the_limit_is_refused_by_its_content_length() {
        PlaymarkApi.Response response = asAdmin().send("POST", "/graphql", query(LIMIT + 1), "Content-Type", JSON);

        assertTooLarge(response, "256 KB");
    }

    @Test
    void a_body_at_the_limit_is_read() {
        PlaymarkApi.Response response = asAdmin().send("POST", "/graphql", query(LIMIT), "Content-Type", JSON);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("data").get("__typename").asString()).isEqualTo("Query");
    }

    @Test
    @Timeout(20)
    void a_body_declared_at_30_mb_is_refused_before_any_of_it_is_sent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Api-Key: " + ADMIN_KEY + "\r\nContent-Length: " + 30 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readAnswer(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json",
                    "urn:playmark:problem:payload-too-large", "30 MB", "256 KB");
        }
    }

    @Test
    void a_chunked_body_is_read_up_to_the_limit_then_refused_on_graphql_and_rest() {
        byte[] tooLarge = query(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        byte[] small = query(100).getBytes(StandardCharsets.UTF_8);

        assertTooLarge(asAdmin().sendChunked("POST", "/graphql", tooLarge, "Content-Type", JSON), "256 KB");
        assertTooLarge(asAdmin().sendChunked("POST", "/api/v1/admin/api-keys", tooLarge, "Content-Type", JSON),
                "256 KB");
        PlaymarkApi.Response served = asAdmin().sendChunked("POST", "/graphql", small, "Content-Type", JSON);
        assertThat(served.status()).as(served.text()).isEqualTo(200);
        assertThat(served.body().get("data").get("__typename").asString()).isEqualTo("Query");
    }

    @Test
    void a_chunked_form_is_refused_before_springs_form_filter_reads_all_of_it() {
        byte[] form = ("name=" + "x".repeat(LIMIT)).getBytes(StandardCharsets.US_ASCII);

        PlaymarkApi.Response response = asAdmin().sendChunked("PUT", "/api/v1/admin/api-keys", form,
                "Content-Type", "application/x-www-form-urlencoded");

        assertTooLarge(response, "256 KB");
    }

    @Test
    void a_path_without_a_limit_of_its_own_has_the_default_of_64_kb() {
        PlaymarkApi.Response response = asAdmin().send("POST", "/actuator/info", "x".repeat(64 * 1024 + 1),
                "Content-Type", JSON);

        assertTooLarge(response, "64 KB");
    }

    /** A GraphQL request body of exactly {@code bytes} bytes: a small query padded with spaces. */
    private static String query(int bytes) {
        String head = "{\"query\": \"{ __typename }\"";
        return head + " ".repeat(bytes - head.length() - 1) + "}";
    }

    private static void assertTooLarge(PlaymarkApi.Response response, String limit) {
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("urn:playmark:problem:payload-too-large");
        assertThat(response.body().get("detail").asString()).contains(limit);
        assertThat(response.body().get("correlationId").asString()).isNotBlank();
    }

    /** The status line, headers and body of one answer, read until the body's Content-Length is in. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int count; (count = in.read(buffer)) >= 0; ) {
            read.write(buffer, 0, count);
            String text = read.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd >= 0) {
                var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                if (length.find() && text.length() - headersEnd - 4 >= Integer.parseInt(length.group(1))) {
                    return text;
                }
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
