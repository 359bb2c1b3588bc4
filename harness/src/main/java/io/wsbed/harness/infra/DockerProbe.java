package io.wsbed.harness.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a Docker engine, over its plain HTTP API, whether it answers and which images it holds,
 * without starting Testcontainers: Testcontainers' first client would start Ryuk, which pulls an
 * image, and {@code wsbed.infra=auto} must be able to decide before anything is pulled.
 */
public final class DockerProbe implements AutoCloseable {
    /** Where an engine listens when DOCKER_HOST is unset (as the docker CLI assumes). */
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI host;
    private final DockerHttpClient http;

    private DockerProbe(URI host, DockerHttpClient http) {
        this.host = host;
        this.http = http;
    }

    /** A probe of the engine DOCKER_HOST names, or the default socket. */
    public static DockerProbe fromEnvironment() {
        return at(hostFrom(System.getenv()));
    }

    /** A probe of the engine at {@code host} (unix:///path or tcp://host:port). */
    static DockerProbe at(URI host) {
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .connectionTimeout(TIMEOUT).responseTimeout(TIMEOUT).build();
        return new DockerProbe(host, http);
    }

    static URI hostFrom(Map<String, String> env) {
        String configured = env.get("DOCKER_HOST");
        return URI.create(configured == null || configured.isBlank() ? DEFAULT_HOST : configured.strip());
    }

    public URI host() {
        return host;
    }

    /**
     * The engine's version line ("Docker 20.10.24 (API 1.41)"), or empty with nothing asked when
     * the socket does not exist, or when the engine does not answer.
     */
    public Optional<String> engine() {
        if ("unix".equals(host.getScheme()) && !Files.exists(Path.of(host.getPath()))) {
            return Optional.empty();
        }
        return get("/version").map(v -> "Docker " + v.path("Version").asText("?") + " (API "
                + v.path("ApiVersion").asText("?") + ", " + v.path("Os").asText("?") + ")");
    }

    /** The id (sha256:...) of a local image, or empty when the engine does not hold it. */
    public Optional<String> imageId(String image) {
        if (!image.matches("[A-Za-z0-9._/:@-]+")) {
            return Optional.empty(); // not an image reference; also keeps the request path plain
        }
        // The engine routes "/images/{name:.*}/json": slashes and the tag stay as they are.
        return get("/images/" + image + "/json")
                .map(i -> i.path("Id").asText(""))
                .filter(id -> !id.isEmpty());
    }

    /** Whether the engine has a network of that name ("bridge" is missing under --bridge=none). */
    public boolean hasNetwork(String name) {
        return name.matches("[A-Za-z0-9._-]+") && get("/networks/" + name).isPresent();
    }

    private Optional<JsonNode> get(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            // No engine, a refused connection or a timeout all mean the same here: it does not answer.
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Nothing stays open that matters: the probe's sockets are per request.
        }
    }
}
