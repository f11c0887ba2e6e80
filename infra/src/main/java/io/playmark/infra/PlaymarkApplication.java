package io.playmark.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.time.ZoneOffset;
import java.util.TimeZone;

@SpringBootApplication(scanBasePackages = "io.playmark")
public class PlaymarkApplication {

    static {
        // Spring Data writes zone-less local times (dayparts, recurrences) to MongoDB through the JVM's zone: in UTC
        // on every instance, they read back the same wherever an instance runs
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        // Playmark runs on closed networks; Axon's update check would only log failures there.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // ...and its AxonIQ Console advertisement would greet every start
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(PlaymarkApplication.class, args);
    }
}
