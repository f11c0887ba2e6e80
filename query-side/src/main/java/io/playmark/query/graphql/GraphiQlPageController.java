package io.playmark.query.graphql;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Playmark's own GraphiQL page. Spring for GraphQL's page loads React and GraphiQL from a CDN, so it
 * stays blank on a closed network; this one loads them from the WebJars in the build, under
 * {@code /webjars/} (version-less paths through webjars-locator-lite), and posts to {@code /graphql}
 * on the same origin. The page and its assets are public; the queries it sends need a key.
 */
@Controller
class GraphiQlPageController {

    static final String PATH = "/graphiql";

    private final Resource page = new ClassPathResource("graphiql/index.html");

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(page);
    }

    /** The page's links are relative to {@code /graphiql}, so {@code /graphiql/} sends the browser there. */
    @GetMapping(PATH + "/")
    ResponseEntity<Void> withTrailingSlash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("../graphiql")).build();
    }
}
