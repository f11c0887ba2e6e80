package io.playmark.infra.web;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.ProblemAnswers;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document a client generator can use: who Playmark is, how to authenticate (both schemes on
 * every operation), and for each operation every status it answers, errors as the one problem schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerJwt";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI playmarkOpenApi(@Value("${playmark.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("Playmark API").version(version)
                        .description("""
                                REST operations of Playmark, the backend for advertising on networks of screens. \
                                Campaigns are read and changed over GraphQL at /graphql (GraphiQL at /graphiql); \
                                this document covers the REST operations. Authenticate with an API key in the \
                                X-Api-Key header or an OAuth2 bearer token (JWT). Every error is an RFC 9457 \
                                problem (application/problem+json) whose type is listed in docs/errors.md.""")
                        .license(new License().name("Proprietary")))
                .servers(List.of(new Server().url("/").description("This Playmark instance")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("An API key issued under /api/v1/admin/api-keys (or the admin key)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT from the configured OAuth2 issuer, roles in its roles claim"))
                        .addSchemas(PROBLEM, problemSchema()))
                .security(List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BEARER)));
    }

    /** Adds to each operation the problems it answers: its sort's and those its {@link ProblemAnswers} name. */
    @Bean
    OperationCustomizer documentedProblems() {
        return (operation, handler) -> {
            List<ErrorKind> kinds = new ArrayList<>(List.of(ErrorKind.UNAUTHORIZED, ErrorKind.FORBIDDEN,
                    ErrorKind.RATE_LIMITED));
            if (operation.getRequestBody() != null) {
                kinds.addAll(List.of(ErrorKind.BAD_REQUEST, ErrorKind.PAYLOAD_TOO_LARGE,
                        ErrorKind.UNSUPPORTED_MEDIA_TYPE));
            }
            ProblemAnswers answers = handler.getMethodAnnotation(ProblemAnswers.class);
            if (answers != null) {
                kinds.addAll(List.of(answers.value()));
            }
            kinds.stream().distinct().sorted((a, b) -> Integer.compare(a.status(), b.status()))
                    .forEach(kind -> addProblem(operation, kind));
            return operation;
        };
    }

    private static void addProblem(Operation operation, ErrorKind kind) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", kind.type().toString());
        example.put("title", kind.title());
        example.put("status", kind.status());
        example.put("detail", "What went wrong, for a person to read");
        example.put("correlationId", "3f0c8a52-5a4e-4d43-9d0b-6f1f2b6a7c11");
        ApiResponse response = new ApiResponse()
                .description(kind.title() + " (" + kind.type() + ")")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
        if (kind == ErrorKind.RATE_LIMITED) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds until a request may succeed")
                    .schema(new IntegerSchema()));
            response.addHeaderObject("RateLimit-Policy", new Header()
                    .description("The caller's quota (IETF draft), e.g. \"per-key\";q=1200;w=60").schema(new StringSchema()));
            response.addHeaderObject("RateLimit", new Header()
                    .description("What is left of it (IETF draft), e.g. \"per-key\";r=0;t=3").schema(new StringSchema()));
        }
        operation.getResponses().addApiResponse(String.valueOf(kind.status()), response);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem; the type is one of docs/errors.md")
                .addProperty("type", new StringSchema().format("uri").example("urn:playmark:problem:not-found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person to read"))
                .addProperty("instance", new StringSchema().description("The request's path"))
                .addProperty("correlationId", new StringSchema()
                        .description("The request's X-Correlation-Id (sent or generated): quote it when reporting"))
                .addProperty("field", new StringSchema().description("bad-request: the input at fault, e.g. roles[0]"))
                .addProperty("value", new Schema<>().description("bad-request: the value found there"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
