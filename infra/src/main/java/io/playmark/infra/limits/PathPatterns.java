package io.playmark.infra.limits;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/** Path patterns as Spring MVC reads them ({@code /api/**}, {@code /actuator/health}), matched against a request's path. */
final class PathPatterns {

    private static final String PATH_ATTRIBUTE = PathPatterns.class.getName() + ".path";

    private final List<PathPattern> patterns;

    private PathPatterns(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    static PathPatterns of(List<String> patterns) {
        return new PathPatterns(patterns.stream().map(PathPatterns::parse).toList());
    }

    static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }

    boolean matches(HttpServletRequest request) {
        PathContainer path = pathOf(request);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** The request's path inside the application, as the patterns are written; parsed once per request. */
    static PathContainer pathOf(HttpServletRequest request) {
        if (request.getAttribute(PATH_ATTRIBUTE) instanceof PathContainer parsed) {
            return parsed;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        PathContainer path = PathContainer.parsePath(context.isEmpty() ? uri : uri.substring(context.length()));
        request.setAttribute(PATH_ATTRIBUTE, path);
        return path;
    }
}
