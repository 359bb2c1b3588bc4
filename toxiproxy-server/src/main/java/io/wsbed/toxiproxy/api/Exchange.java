package io.wsbed.toxiproxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One request and its single response, with the headers every reference response carries. */
final class Exchange {
    private final HttpExchange http;
    private final long requestId;
    private boolean responded;

    Exchange(HttpExchange http, long requestId) {
        this.http = http;
        this.requestId = requestId;
    }

    String method() {
        return http.getRequestMethod();
    }

    String userAgent() {
        String agent = http.getRequestHeaders().getFirst("User-Agent");
        return agent == null ? "" : agent;
    }

    byte[] body() throws IOException {
        try (InputStream in = http.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    boolean responded() {
        return responded;
    }

    /** A JSON success body, written as Go's json.Marshal does (no trailing newline). */
    void json(int status, JsonNode body) throws IOException {
        send(status, "application/json", Json.write(body));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        responded = true;
        http.getResponseHeaders().set("Content-Type", contentType);
        http.getResponseHeaders().set("X-Toxiproxy-Request-Id", Long.toString(requestId));
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    void noContent() throws IOException {
        responded = true;
        http.getResponseHeaders().set("X-Toxiproxy-Request-Id", Long.toString(requestId));
        http.sendResponseHeaders(204, -1);
    }

    /**
     * An error as the reference sends it through Go's http.Error: the JSON object plus a newline,
     * labelled text/plain with nosniff.
     */
    void error(int status, String message) throws IOException {
        ObjectNode body = Json.errorBody(message, status);
        byte[] json = Json.write(body);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        http.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(status, "text/plain; charset=utf-8", withNewline);
    }

    void text(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    void close() {
        http.close();
    }
}
