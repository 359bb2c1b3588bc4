package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.harness.nginx.NginxReload;
import io.wsbed.harness.nginx.NginxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx and Toxiproxy as host-networked containers in front of a loopback upstream, on a real
 * engine (skipped without one): traffic flows, a reload starts a new worker, close keeps the logs
 * and leaves no container.
 */
class ContainerInfrastructureTest {
    private static final NginxSettings SETTINGS = new NginxSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Optional.of(Duration.ofSeconds(1)));

    @TempDir
    Path logs;
    private HttpServer upstream;
    private ContainerInfrastructure infra;

    @BeforeEach
    void start() throws IOException {
        Infrastructures.Decision d = DockerTestSupport.requireContainers();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", x -> {
            byte[] body = "upstream says hi".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        upstream.start();
        infra = DockerTestSupport.connect(d);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (infra != null) {
            String run = infra.runId();
            infra.close();
            assertEquals(0, DockerTestSupport.awaitNoContainers(run, Duration.ofSeconds(5)),
                    "containers of run " + run + " left after close()");
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void nginxProxiesOnLoopbackAndAReloadStartsANewWorker() throws IOException {
        Path folder = logs.resolve("nginx");
        try (NginxProxy nginx = infra.startNginx(SETTINGS, upstream.getAddress().getPort(), folder)) {
            assertEquals("upstream says hi", get(nginx.port()));
            NginxReload reload = nginx.reload(SETTINGS.withReadTimeout(Duration.ofSeconds(7)));
            assertFalse(reload.newWorkers().isEmpty());
            assertTrue(reload.oldWorkers().stream().noneMatch(reload.newWorkers()::contains), reload.toString());
            assertEquals("upstream says hi", get(nginx.port()), "still proxying after the reload");
        }
        assertTrue(Files.readString(folder.resolve("nginx.conf")).contains("proxy_read_timeout 7000ms"),
                "the config kept is the reloaded one");
        assertTrue(Files.readString(folder.resolve("nginx-access.log")).contains("GET / HTTP/1.1"), "access log copied");
        assertTrue(Files.exists(folder.resolve("nginx-error.log")));
        assertTrue(Files.exists(folder.resolve("nginx-console.log")));
        String header = infra.describe().get("nginx").toString();
        assertTrue(header.startsWith("container ") && header.contains("sha256:") && header.contains(", nginx 1."), header);
    }

    @Test
    void toxiproxyProxiesAreReachableOnTheHostsLoopback() throws IOException {
        ToxiproxyAccess access = infra.toxiproxy();
        Proxy proxy = access.client().createProxy("t", access.listenHost() + ":0",
                access.upstreamHost() + ":" + upstream.getAddress().getPort());
        int port = Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
        assertEquals("upstream says hi", get(port));
        proxy.disable();
        assertFalse(answers(port), "a disabled proxy refuses, as the scenarios' proxy-down expects");
        String header = infra.describe().get("toxiproxy").toString();
        assertTrue(header.startsWith("container ") && header.contains("server 2."), header);
    }

    private static String get(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static boolean answers(int port) {
        try {
            get(port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
