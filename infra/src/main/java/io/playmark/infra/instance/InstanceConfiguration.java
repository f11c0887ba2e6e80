package io.playmark.infra.instance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Who this instance is among those sharing the stores, and which parts of Playmark it runs. */
@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

    /**
     * By default the id is the process name with a random suffix, so that two instances never share one,
     * even in one JVM; in Kubernetes give it the pod's name.
     */
    @Bean
    PlaymarkInstance playmarkInstance(@Value("${playmark.instance-id:}") String instanceId,
                                      @Value("${playmark.roles:all}") String roles) {
        return new PlaymarkInstance(instanceId.isBlank() ? defaultInstanceId() : instanceId.strip(),
                                    InstanceRole.parse(roles));
    }

    private static String defaultInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-"
                + HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
    }
}
