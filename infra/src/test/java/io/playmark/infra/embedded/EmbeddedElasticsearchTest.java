package io.playmark.infra.embedded;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedElasticsearchTest {

    private static final String INDEX = "songs";

    record Song(String title, String artist) {}

    @TempDir
    Path dataDirectory;

    @Test
    void servesTheClientAndKeepsDocumentsAcrossRestart() throws IOException {
        try (EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(dataDirectory, 0);
             ElasticsearchClient client = clientFor(elasticsearch)) {
            assertThat(elasticsearch.httpUri().toString()).startsWith("http://127.0.0.1:");
            assertThat(client.info().version().number()).isEqualTo("9.2.2");

            // best_compression (zstd) needs the native access that EmbeddedElasticsearch sets up.
            client.indices().create(create -> create.index(INDEX)
                .settings(settings -> settings.codec("best_compression"))
                .mappings(mappings -> mappings
                    .properties("title", property -> property.text(text -> text))
                    .properties("artist", property -> property.keyword(keyword -> keyword))));
            client.index(index -> index.index(INDEX).id("1").document(new Song("Blue in Green", "Miles Davis")));
            client.index(index -> index.index(INDEX).id("2").document(new Song("So What", "Miles Davis")));
            client.index(index -> index.index(INDEX).id("3").document(new Song("Naima", "John Coltrane")));
            client.indices().refresh(refresh -> refresh.index(INDEX));

            assertThat(titlesBy(client, "Miles Davis")).containsExactlyInAnyOrder("Blue in Green", "So What");
        }

        try (EmbeddedElasticsearch restarted = EmbeddedElasticsearch.start(dataDirectory, 0);
             ElasticsearchClient client = clientFor(restarted)) {
            assertThat(titlesBy(client, "John Coltrane")).containsExactly("Naima");
            assertThat(client.count(count -> count.index(INDEX)).count()).isEqualTo(3);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(dataDirectory, 0);
        elasticsearch.close();
        elasticsearch.close();
    }

    private static ElasticsearchClient clientFor(EmbeddedElasticsearch elasticsearch) {
        Rest5Client restClient = Rest5Client.builder(elasticsearch.httpUri()).build();
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
    }

    private static List<String> titlesBy(ElasticsearchClient client, String artist) throws IOException {
        SearchResponse<Song> response = client.search(
            search -> search.index(INDEX).query(query -> query.term(term -> term.field("artist").value(artist))),
            Song.class);
        return response.hits().hits().stream().map(Hit::source).map(Song::title).toList();
    }
}
