package io.playmark.infra.web;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.ContentTooLargeException;
import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.UnavailableException;
import io.playmark.kernel.UnsupportedContentException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller raises as the one problem format ({@link Problems}): domain failures by their
 * kind, Spring MVC's own (unknown path, wrong method, unreadable body, …) with the catalogue's type, and
 * anything unexpected as a bare internal error whose details stay in the log.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidValueException e, HttpServletRequest request) {
        return answer(problems.badInput(e.field(), null, e.getMessage(), request));
    }

    @ExceptionHandler({NotFoundException.class, ConflictException.class, UnavailableException.class,
            ContentTooLargeException.class, UnsupportedContentException.class})
    ResponseEntity<ProblemDetail> domain(RuntimeException e, HttpServletRequest request) {
        return answer(problems.of(ErrorKind.of(e).orElseThrow(), e.getMessage(), request));
    }

    /** Method security's denials reach the advice before Spring Security's filters could answer them. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(problems.of(ErrorKind.FORBIDDEN, "Your roles do not allow this request", request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return answer(problems.of(ErrorKind.UNAUTHORIZED, "Authentication required", request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(problems.of(ErrorKind.INTERNAL_ERROR, "Playmark failed to answer this request; "
                + "quote the correlation id when reporting it", request));
    }

    /** Names the field and value that could not be read, instead of Spring's "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        UnreadableBody unreadable = UnreadableBody.of(e);
        HttpServletRequest servletRequest = servletRequest(request);
        ProblemDetail problem = unreadable.field() == null
                ? problems.of(ErrorKind.BAD_REQUEST, unreadable.detail(), servletRequest)
                : problems.badInput(unreadable.field(), unreadable.value(), unreadable.detail(), servletRequest);
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    /** Spring MVC's own errors keep their status and detail and get the catalogue's type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, ErrorKind.ofStatus(status.value()).title());
        return new ResponseEntity<>(problems.complete(problem, servletRequest(request)), headers, status);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }
}
