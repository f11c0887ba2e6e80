package io.playmark.infra.support;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Talks to a running Playmark over real HTTP, as a dashboard or a script would. */
public final class PlaymarkApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String host;
    private final int port;
    private final String credentialHeader;
    private final String credential;

    /** A client that sends {@code apiKey} as X-Api-Key, or no credentials when it is null. */
    public PlaymarkApi(int port, String apiKey) {
        this(HttpClient.newHttpClient(), "localhost", port, "X-Api-Key", apiKey);
    }

    private PlaymarkApi(HttpClient http, String host, int port, String credentialHeader, String credential) {
        this.http = http;
        this.host = host;
        this.port = port;
        this.credentialHeader = credentialHeader;
        this.credential = credential;
    }

    /** A client of a Playmark started in this JVM (a Spring context with its web server), sending {@code apiKey}. */
    public static PlaymarkApi of(ApplicationContext playmark, String apiKey) {
        return new PlaymarkApi(((WebServerApplicationContext) playmark).getWebServer().getPort(), apiKey);
    }

    public PlaymarkApi withKey(String otherKey) {
        return new PlaymarkApi(http, host, port, "X-Api-Key", otherKey);
    }

    public PlaymarkApi withBearerToken(String token) {
        return new PlaymarkApi(http, host, port, "Authorization", "Bearer " + token);
    }

    /**
     * The same caller connecting from another loopback address (e.g. 127.0.0.2), as a client on another machine
     * would: Playmark sees that address as the client's.
     */
    public PlaymarkApi fromAddress(String loopbackAddress) {
        try {
            HttpClient bound = HttpClient.newBuilder().localAddress(InetAddress.getByName(loopbackAddress)).build();
            return new PlaymarkApi(bound, "127.0.0.1", port, credentialHeader, credential);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response; {@code body} is parsed when it is JSON, {@code text} is always the raw body. */
    public record Response(int status, String contentType, JsonNode body, String text, HttpHeaders headers) {
    }

    /** Posts a GraphQL operation; variables alternate name, value. */
    public JsonNode graphQl(String document, Object... variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        Response response = post("/graphql", Map.of("query", document, "variables", values));
        if (response.status() != 200) {
            throw new AssertionError("GraphQL answered HTTP " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    public Response post(String path, Object body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").build());
    }

    /** Any request, with the body sent as it is and the given headers (name, value alternating). */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** Any request with a binary body, sent with its Content-Length, and the given headers (name, value alternating). */
    public Response sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /**
     * A request that announces a body of {@code declaredLength} bytes and sends none, over a plain socket (Java's
     * HTTP client sets Content-Length itself): what a limit that judges by the declared length answers at once.
     */
    public Response sendDeclaringLength(String method, String path, long declaredLength, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nConnection: close\r\nContent-Length: " + declaredLength + "\r\n");
        if (credential != null) {
            head.append(credentialHeader).append(": ").append(credential).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        try (Socket socket = new Socket(host, port)) {
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP/1.1 answer read off a socket: status line, headers, and the body as sent (not chunked). */
    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        HttpHeaders parsed = HttpHeaders.of(headers, (name, value) -> true);
        String body = raw.substring(end + 4);
        String contentType = parsed.firstValue("Content-Type").orElse("");
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), contentType,
                contentType.contains("json") && !body.isBlank() ? JSON.readTree(body) : JSON.nullNode(), body, parsed);
    }

    /** Sends {@code body} without a Content-Length, in chunks, as a client streaming it would. */
    public Response sendChunked(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** Posts a multipart/form-data body, as an upload form or {@code curl -F} would. */
    public Response post(String path, Multipart form) {
        return send(request(path).POST(form.body()).header("Content-Type", form.contentType()).build());
    }

    /** A response whose body is kept as bytes: a file downloaded. */
    public record Download(int status, byte[] body, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A GET or HEAD with the given headers (name, value alternating), its body kept as bytes. */
    public Download download(String method, String path, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
        if (credential != null) {
            builder.header(credentialHeader, credential);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean json = contentType.contains("json") && !body.isBlank();
            return new Response(response.statusCode(), contentType, json ? JSON.readTree(body) : JSON.nullNode(), body,
                                response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
