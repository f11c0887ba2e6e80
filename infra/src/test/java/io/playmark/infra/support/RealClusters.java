package io.playmark.infra.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A real MongoDB replica set and a real Elasticsearch node in containers, shared by every test of the
 * {@code containers} Maven profile. Those tests are marked {@code @Testcontainers(disabledWithoutDocker = true)},
 * so without a Docker engine they are skipped and the containers are never started.
 */
public final class RealClusters {

    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    private static final ElasticsearchContainer ELASTICSEARCH =
            new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:9.2.2")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    private RealClusters() {
    }

    /** Points Playmark at the containers instead of the embedded servers. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("playmark.mongodb.uri", () -> {
            startOnce();
            return MONGO.getReplicaSetUrl("playmark") + "?w=majority";
        });
        registry.add("playmark.elasticsearch.uris", () -> {
            startOnce();
            return "http://" + ELASTICSEARCH.getHttpHostAddress();
        });
    }

    private static synchronized void startOnce() {
        if (!MONGO.isRunning()) {
            MONGO.start();
        }
        if (!ELASTICSEARCH.isRunning()) {
            ELASTICSEARCH.start();
        }
    }
}
