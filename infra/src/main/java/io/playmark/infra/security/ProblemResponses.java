package io.playmark.infra.security;

import io.playmark.infra.web.Problems;
import io.playmark.kernel.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Writes 401 and 403 as the same problem+json as every other error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final Problems problems;

    ProblemResponses(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Bearer");
        problems.write(request, response, problems.of(ErrorKind.UNAUTHORIZED,
                detail(failure), request));
    }

    private static String detail(AuthenticationException failure) {
        return switch (failure) {
            case InvalidApiKeyException invalidKey -> invalidKey.getMessage();
            case OAuth2AuthenticationException invalidToken -> {
                // the decoder's own words (which check failed, and how) stay in the log
                log.info("Bearer token refused: {}", invalidToken.getError().getDescription());
                yield "The bearer token was not accepted: it is expired, not yet valid, not from the configured "
                        + "issuer, not signed by its keys, or malformed";
            }
            default -> "Authentication required: send an API key in X-Api-Key or a bearer token";
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response,
                problems.of(ErrorKind.FORBIDDEN, "Your roles do not allow this request", request));
    }
}
