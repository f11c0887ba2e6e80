package io.playmark.infra.operations;

import io.playmark.infra.support.RealClusters;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link OperationsIT} on a real MongoDB replica set and Elasticsearch ({@code ./playmark test -Pcontainers}). */
@Testcontainers(disabledWithoutDocker = true)
class OperationsOnContainersIT extends OperationsIT {

    @DynamicPropertySource
    static void realClusters(DynamicPropertyRegistry registry) {
        RealClusters.register(registry);
    }
}
