package io.playmark.infra.web;

import io.playmark.kernel.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds and writes RFC 9457 problem details of one shape for every error Playmark answers: a {@code type}
 * from the {@link ErrorKind} catalogue, its title, a human {@code detail}, the request path as
 * {@code instance} and the request's {@code correlationId}; {@code field} and {@code value} where one input
 * was at fault. Filters (security, limits) write with {@link #write}; controllers return {@link #of}.
 */
@Component
public class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail of(ErrorKind kind, String detail, HttpServletRequest request) {
        return complete(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(kind.status()), detail), request);
    }

    /** A bad-request problem that names the offending input. */
    public ProblemDetail badInput(String field, Object value, String detail, HttpServletRequest request) {
        ProblemDetail problem = of(ErrorKind.BAD_REQUEST, detail, request);
        problem.setProperty("field", field);
        if (value != null) {
            problem.setProperty("value", value);
        }
        return problem;
    }

    /** Gives a problem that Spring built (its status and detail) the catalogue's type and title, and the request's ids. */
    public ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        ErrorKind kind = ErrorKind.ofStatus(problem.getStatus());
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
            String correlationId = RequestCorrelation.of(request);
            if (correlationId != null) {
                problem.setProperty("correlationId", correlationId);
            }
        }
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(problem));
    }

    /** The problem as its JSON members, in RFC 9457's order, extension members last. */
    private static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
