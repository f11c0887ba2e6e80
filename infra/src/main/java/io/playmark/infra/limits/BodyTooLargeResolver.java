package io.playmark.infra.limits;

import io.playmark.infra.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A chunked body that passed its limit while a handler read it: Spring wraps the stream's exception (as an unreadable
 * body, or GraphQL's input error), which would answer 400; this answers 413 instead, for controllers and GraphQL alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTooLargeResolver implements HandlerExceptionResolver {

    private final Problems problems;

    BodyTooLargeResolver(Problems problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        BodyTooLargeException tooLarge = BodyTooLargeException.among(failure);
        if (tooLarge == null || response.isCommitted()) {
            return null;
        }
        try {
            BodyLimitFilter.refuse(problems, request, response, BodyLimitFilter.detail(tooLarge, request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }
}
