package io.playmark.infra.limits;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;

/** Which body size limit a request's path has. */
@Component
class BodyLimits {

    private record Rule(PathPattern pattern, long maxBytes) {
    }

    private final List<Rule> rules;
    private final long defaultMaxBytes;

    BodyLimits(BodyLimitProperties properties) {
        this.rules = properties.paths().stream()
                .map(path -> new Rule(PathPatterns.parse(path.pattern()), path.maxBytes().toBytes())).toList();
        this.defaultMaxBytes = properties.defaultMaxBytes().toBytes();
    }

    long maxBytesFor(HttpServletRequest request) {
        PathContainer path = PathPatterns.pathOf(request);
        for (Rule rule : rules) {
            if (rule.pattern().matches(path)) {
                return rule.maxBytes();
            }
        }
        return defaultMaxBytes;
    }

    /** A size as people write it: 262144 bytes is "256 KB". */
    static String readable(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
