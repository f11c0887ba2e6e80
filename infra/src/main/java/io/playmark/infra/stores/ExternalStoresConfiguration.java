package io.playmark.infra.stores;

import com.mongodb.ConnectionString;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Connections to a real MongoDB and Elasticsearch, used when their URIs are configured. */
@Configuration(proxyBeanMethods = false)
class ExternalStoresConfiguration {

    @Bean
    @ConditionalOnExpression("!'${playmark.mongodb.uri:}'.isBlank()")
    MongoConnectionDetails externalMongo(@Value("${playmark.mongodb.uri}") String uri) {
        ConnectionString connection = new ConnectionString(uri);
        return () -> connection;
    }

    @Bean
    @ConditionalOnExpression("!'${playmark.elasticsearch.uris:}'.isBlank()")
    ElasticsearchConnectionDetails externalElasticsearch(@Value("${playmark.elasticsearch.uris}") String uris) {
        List<ElasticsearchConnectionDetails.Node> nodes = Arrays.stream(uris.split(","))
                .map(String::strip).filter(uri -> !uri.isEmpty()).map(URI::create)
                .map(ExternalStoresConfiguration::node).toList();
        return () -> nodes;
    }

    private static ElasticsearchConnectionDetails.Node node(URI uri) {
        var protocol = "https".equalsIgnoreCase(uri.getScheme())
                ? ElasticsearchConnectionDetails.Node.Protocol.HTTPS
                : ElasticsearchConnectionDetails.Node.Protocol.HTTP;
        int port = uri.getPort() > 0 ? uri.getPort() : 9200;
        String userInfo = uri.getUserInfo();
        if (userInfo == null) {
            return new ElasticsearchConnectionDetails.Node(uri.getHost(), port, protocol);
        }
        int colon = userInfo.indexOf(':');
        return new ElasticsearchConnectionDetails.Node(uri.getHost(), port, protocol,
                colon < 0 ? userInfo : userInfo.substring(0, colon), colon < 0 ? null : userInfo.substring(colon + 1));
    }

    /** Keeps passwords out of the log. */
    static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
