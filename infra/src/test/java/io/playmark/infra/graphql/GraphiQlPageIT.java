package io.playmark.infra.graphql;

import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraphiQL page over plain HTTP (GraphiQlBrowserIT runs it in a browser): public, and self-contained. */
class GraphiQlPageIT extends PlaymarkIntegrationTest {

    private static final Pattern LINKS = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void the_page_is_public_and_every_script_and_style_it_links_is_served_by_playmark() {
        var page = anonymous().get("/graphiql");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).doesNotContainPattern("https?://").contains("X-Api-Key");
        List<String> links = LINKS.matcher(page.text()).results().map(link -> link.group(1))
                .filter(link -> !link.startsWith("data:")).toList();
        assertThat(links).contains("webjars/graphiql/graphiql.min.js", "webjars/graphiql/graphiql.min.css",
                "webjars/react/umd/react.production.min.js", "webjars/react-dom/umd/react-dom.production.min.js");
        for (String link : links) {
            // relative to /graphiql, as the browser resolves them
            var asset = anonymous().get("/" + link);
            assertThat(asset.status()).as(link).isEqualTo(200);
            assertThat(asset.text()).as(link).isNotBlank();
        }
    }

    @Test
    void graphiql_with_a_trailing_slash_is_sent_to_the_page() throws Exception {
        HttpResponse<Void> redirect;
        try (HttpClient http = HttpClient.newHttpClient()) {
            redirect = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql/")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        assertThat(redirect.statusCode()).isEqualTo(301);
        // relative, so that it holds behind a proxy too: /graphiql/ + ../graphiql = /graphiql
        assertThat(redirect.headers().firstValue("Location")).contains("../graphiql");
    }

    @Test
    void the_assets_are_open_to_read_only() {
        var post = anonymous().post("/webjars/graphiql/graphiql.min.js", Map.of());

        assertThat(post.status()).isEqualTo(401);
    }
}
