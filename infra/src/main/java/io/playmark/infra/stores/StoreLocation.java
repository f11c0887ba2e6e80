package io.playmark.infra.stores;

/**
 * Where one of Playmark's stores lives, for the start-up report. The embedded servers register one
 * each; a store without one is external.
 *
 * @param store       "MongoDB" or "Elasticsearch"
 * @param description e.g. "embedded mongo-java-server, H2 file ./data/mongo/playmark.mv"
 */
public record StoreLocation(String store, String description) {
}
