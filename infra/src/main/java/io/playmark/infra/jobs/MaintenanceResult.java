package io.playmark.infra.jobs;

import java.util.Map;

/** What one maintenance run did, in numbers. */
public interface MaintenanceResult {

    /** The counts, by what they count (e.g. "deleted"), in the order they read best. */
    Map<String, Long> figures();

    /** One line for a person: the figures in words. */
    String summary();
}
