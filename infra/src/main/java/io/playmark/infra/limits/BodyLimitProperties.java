package io.playmark.infra.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * The largest request body each path accepts ({@code playmark.limits.body.*}).
 *
 * @param paths           per path pattern, the first that matches wins; e.g. a batch or upload endpoint with its own
 * @param defaultMaxBytes for every path no pattern matches
 */
@ConfigurationProperties("playmark.limits.body")
public record BodyLimitProperties(List<PathLimit> paths, DataSize defaultMaxBytes) {

    /** @param pattern a Spring MVC path pattern, e.g. {@code /api/**} */
    public record PathLimit(String pattern, DataSize maxBytes) {
    }

    public BodyLimitProperties {
        paths = paths == null ? List.of() : List.copyOf(paths);
        defaultMaxBytes = defaultMaxBytes == null ? DataSize.ofKilobytes(64) : defaultMaxBytes;
        for (PathLimit path : paths) {
            if (path.pattern() == null || path.maxBytes() == null) {
                throw new IllegalArgumentException("every playmark.limits.body.paths entry needs a pattern and max-bytes");
            }
        }
    }
}
