package io.playmark.infra.embedded;

import io.playmark.infra.stores.StoreLocation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Elasticsearch node in this process, used when no {@code playmark.elasticsearch.uris} are
 * configured; the client's connection details depend on it, as for the embedded MongoDB server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${playmark.elasticsearch.uris:}'.isBlank()")
class EmbeddedElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedElasticsearch embeddedElasticsearch(@Value("${playmark.data-dir}") Path dataDirectory,
                                                @Value("${playmark.elasticsearch.embedded.port}") int port) {
        return EmbeddedElasticsearch.start(dataDirectory.resolve("elasticsearch").toAbsolutePath(), port);
    }

    @Bean
    ElasticsearchConnectionDetails embeddedElasticsearchConnectionDetails(EmbeddedElasticsearch node) {
        URI uri = node.httpUri();
        List<ElasticsearchConnectionDetails.Node> nodes = List.of(new ElasticsearchConnectionDetails.Node(
                uri.getHost(), uri.getPort(), ElasticsearchConnectionDetails.Node.Protocol.HTTP));
        return () -> nodes;
    }

    @Bean
    StoreLocation embeddedElasticsearchLocation(@Value("${playmark.data-dir}") Path dataDirectory,
                                                EmbeddedElasticsearch node) {
        return new StoreLocation("Elasticsearch", "embedded node " + node.httpUri() + ", data under "
                + dataDirectory.resolve("elasticsearch").toAbsolutePath());
    }
}
