package io.playmark.query.graphql;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer playmarkScalars() {
        return wiring -> wiring.scalar(InstantScalar.INSTANT).scalar(LongScalar.LONG);
    }

    /** Spring Boot hands every Instrumentation bean to graphql-java. */
    @Bean
    Instrumentation operationLimits(GraphQlLimits limits) {
        return new OperationLimitsInstrumentation(limits);
    }
}
