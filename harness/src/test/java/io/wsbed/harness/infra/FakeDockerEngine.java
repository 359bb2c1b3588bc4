package io.wsbed.harness.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a Docker engine's HTTP API on 127.0.0.1 (tcp://), answering the few GETs the
 * probe makes: /version, /images/{name}/json for the images it is told to hold, /networks/{name}.
 */
final class FakeDockerEngine implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> images = new ConcurrentHashMap<>();
    private final Set<String> networks = ConcurrentHashMap.newKeySet();

    FakeDockerEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI host() {
        return URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeDockerEngine holding(String image, String id) {
        images.put(image, id);
        return this;
    }

    FakeDockerEngine withNetwork(String name) {
        networks.add(name);
        return this;
    }

    private void answer(HttpExchange x) throws IOException {
        // docker-java may put an API version first: /v1.41/images/...
        String path = x.getRequestURI().getPath().replaceFirst("^/v[0-9.]+/", "/");
        String body = null;
        if (path.equals("/version")) {
            body = "{\"Version\":\"99.0.0-fake\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\"}";
        } else if (path.startsWith("/images/") && path.endsWith("/json")) {
            String id = images.get(path.substring("/images/".length(), path.length() - "/json".length()));
            body = id == null ? null : "{\"Id\":\"" + id + "\"}";
        } else if (path.startsWith("/networks/") && networks.contains(path.substring("/networks/".length()))) {
            body = "{\"Name\":\"" + path.substring("/networks/".length()) + "\"}";
        }
        byte[] bytes = (body == null ? "{\"message\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
