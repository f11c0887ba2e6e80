package io.playmark.infra.stores;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Says once at start, per store, whether it is embedded or external and where its data lives. */
@Component
class StoreReport {

    private static final Logger log = LoggerFactory.getLogger(StoreReport.class);

    private final List<StoreLocation> embedded;
    private final String mongoUri;
    private final String elasticsearchUris;

    StoreReport(List<StoreLocation> embedded, @Value("${playmark.mongodb.uri:}") String mongoUri,
                @Value("${playmark.elasticsearch.uris:}") String elasticsearchUris) {
        this.embedded = embedded;
        this.mongoUri = mongoUri;
        this.elasticsearchUris = elasticsearchUris;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("Store MongoDB: {}", describe("MongoDB", mongoUri));
        log.info("Store Elasticsearch: {}", describe("Elasticsearch", elasticsearchUris));
    }

    private String describe(String store, String configuredUri) {
        return embedded.stream().filter(location -> location.store().equals(store)).findFirst()
                .map(StoreLocation::description)
                .orElseGet(() -> "external at " + (configuredUri.isBlank() ? "the default localhost address"
                        : ExternalStoresConfiguration.redact(configuredUri)));
    }
}
