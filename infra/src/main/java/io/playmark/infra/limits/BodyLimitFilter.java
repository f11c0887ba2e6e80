package io.playmark.infra.limits;

import io.playmark.infra.web.Problems;
import io.playmark.kernel.ErrorKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies over their path's limit ({@link BodyLimits}) with a 413 problem: by the Content-Length before
 * anything is read, and, for a body sent without one (chunked), as soon as reading passes the limit. Runs before
 * every filter that could read a body (Spring's form filter, security).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodyLimitFilter extends LimitFilter {

    private final BodyLimits bodyLimits;
    private final Problems problems;

    BodyLimitFilter(LimitsSwitch limits, BodyLimits bodyLimits, Problems problems) {
        super(limits, List.of());
        this.bodyLimits = bodyLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = bodyLimits.maxBytesFor(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, "The request body is %s; at most %s are accepted on %s".formatted(
                    BodyLimits.readable(declared), BodyLimits.readable(maxBytes), request.getRequestURI()));
            return;
        }
        if (declared >= 0 || !mayHaveUndeclaredBody(request)) {
            // Tomcat delivers no more than the declared length
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // a reader that let the limit's exception through (one in a filter, say) rather than answering it
            BodyTooLargeException tooLarge = BodyTooLargeException.among(failure);
            if (tooLarge == null || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(request, response, detail(tooLarge, request));
        }
    }

    /** In HTTP/1.1 a body without a Content-Length is chunked; HTTP/2 needs neither. */
    private static boolean mayHaveUndeclaredBody(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || !request.getProtocol().startsWith("HTTP/1");
    }

    static String detail(BodyTooLargeException tooLarge, HttpServletRequest request) {
        return "The request body is larger than %s, the most accepted on %s".formatted(
                BodyLimits.readable(tooLarge.maxBytes()), request.getRequestURI());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        refuse(problems, request, response, detail);
    }

    /**
     * What is left of the body is not read here; Tomcat drains a small rest (up to its max-swallow-size, 2 MB) to keep
     * the connection, and closes the connection instead of reading a larger one.
     */
    static void refuse(Problems problems, HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        problems.write(request, response, problems.of(ErrorKind.PAYLOAD_TOO_LARGE, detail, request));
    }
}
