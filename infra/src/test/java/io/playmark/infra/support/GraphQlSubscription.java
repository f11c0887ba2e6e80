package io.playmark.infra.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One subscription over a WebSocket, speaking graphql-transport-ws as the graphql-ws client does: connection_init,
 * connection_ack, subscribe, then next/error/complete messages, which {@link #next} hands out in order.
 */
public final class GraphQlSubscription implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROTOCOL = "graphql-transport-ws";

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private GraphQlSubscription(WebSocket.Builder builder, URI uri) {
        this.socket = builder.subprotocols(PROTOCOL).buildAsync(uri, new Listener()).join();
    }

    /**
     * Connects with the given upgrade request headers (name, value alternating), waits for the server's
     * connection_ack and subscribes; an upgrade refused by the server throws {@link Refused} with its HTTP status.
     */
    public static GraphQlSubscription open(int port, String document, Map<String, Object> variables,
                                           String... headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        GraphQlSubscription subscription;
        try {
            subscription = new GraphQlSubscription(builder, URI.create("ws://localhost:" + port + "/graphql"));
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw failed;
        }
        subscription.send(Map.of("type", "connection_init", "payload", Map.of()));
        JsonNode ack = subscription.message(Duration.ofSeconds(10));
        if (!"connection_ack".equals(ack.get("type").asString())) {
            throw new AssertionError("expected connection_ack, got " + ack);
        }
        subscription.send(Map.of("id", "1", "type", "subscribe",
                "payload", Map.of("query", document, "variables", variables)));
        return subscription;
    }

    /** The server refused the WebSocket upgrade with this HTTP status. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status) {
            super("WebSocket upgrade refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The next message of the subscription (next, error or complete), waiting at most {@code timeout}. */
    public JsonNode message(Duration timeout) {
        try {
            JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The data of the next "next" message, failing on any other kind. */
    public JsonNode next(Duration timeout) {
        JsonNode message = message(timeout);
        if (!"next".equals(message.get("type").asString()) || message.get("payload").has("errors")) {
            throw new AssertionError("expected data, got " + message);
        }
        return message.get("payload").get("data");
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                // pings keep the connection open; answering them is the protocol's rule
                if ("ping".equals(message.get("type").asString())) {
                    webSocket.sendText("{\"type\":\"pong\"}", true);
                } else {
                    messages.add(message);
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
