package io.playmark.infra.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one maintenance run did, in numbers. */
public interface MaintenanceResult {

    /** The counts, by what they count (e.g. "deleted"), in the order they read best. */
    Map<String, Long> figures();

    /** One line for a person: the figures in words. */
    String summary();

    /** Figures in the order given: name, count, name, count... */
    static Map<String, Long> figures(Object... namesAndCounts) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            figures.put((String) namesAndCounts[i], ((Number) namesAndCounts[i + 1]).longValue());
        }
        return figures;
    }
}
