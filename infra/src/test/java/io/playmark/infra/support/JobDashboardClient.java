package io.playmark.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the job dashboard, which JobRunr serves from a web server of its own on {@code port}. */
public record JobDashboardClient(int port) {

    /** JobRunr's API for the dashboard page; the page, its assets and its live updates are under the same guard. */
    public static final String SCHEDULED_JOBS = "/api/jobs?state=SCHEDULED";

    /** @param challenge the {@code WWW-Authenticate} header, or null */
    public record Answer(int status, String challenge) {
    }

    public Answer basic(String user, String password) {
        byte[] credentials = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return get(SCHEDULED_JOBS, "Basic " + Base64.getEncoder().encodeToString(credentials));
    }

    public Answer bearer(String token) {
        return get(SCHEDULED_JOBS, "Bearer " + token);
    }

    /** {@code path} with that {@code Authorization} header, or none when it is null. */
    public Answer get(String path, String authorization) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nobody listens on just now, for a dashboard to start on. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
