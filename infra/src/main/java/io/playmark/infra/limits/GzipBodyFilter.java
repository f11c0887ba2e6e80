package io.playmark.infra.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;

/**
 * Inflates request bodies sent with {@code Content-Encoding: gzip} (screens compress their play uploads), for every
 * reader after it. Runs after {@link BodyLimitFilter}, which limits the compressed bytes; the inflated body is limited
 * to the same size again, so that a small compressed body cannot inflate past what the path accepts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class GzipBodyFilter extends OncePerRequestFilter {

    private static final String GZIP = "gzip";

    private final LimitsSwitch limits;
    private final BodyLimits bodyLimits;

    GzipBodyFilter(LimitsSwitch limits, BodyLimits bodyLimits) {
        this.limits = limits;
        this.bodyLimits = bodyLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !GZIP.equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest inflated = new InflatedRequest(request);
        chain.doFilter(limits.isOn() ? new LimitedBodyRequest(inflated, bodyLimits.maxBytesFor(request)) : inflated,
                response);
    }

    /** The request as if it had been sent uncompressed: no Content-Encoding, no known length. */
    private static final class InflatedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        InflatedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new InflatingStream(new GZIPInputStream(super.getInputStream()));
            }
            return stream;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return isHiddenHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isHiddenHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        private static boolean isHiddenHeader(String name) {
            return HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
        }
    }

    private static final class InflatingStream extends ServletInputStream {

        private final InputStream inflater;
        private boolean finished;

        InflatingStream(InputStream inflater) {
            this.inflater = inflater;
        }

        @Override
        public int read() throws IOException {
            int next = inflater.read();
            finished = next < 0;
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = inflater.read(buffer, offset, length);
            finished = count < 0;
            return count;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("an inflated body is read blocking");
        }
    }
}
