package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wsbed.harness.process.FreePort;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;

/** Readiness of a host-networked container (Toxiproxy), polled on 127.0.0.1 with the container's state as plain functions. */
class LoopbackWaitTest {
    private static final String ID = "0123456789abcdef";

    @Test
    void readyOnceTheHttpPathAnswers200() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/version", x -> {
            byte[] body = "{\"version\": \"t\"}".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            LoopbackWait.forHttp(server.getAddress().getPort(), "/version", null).withStartupTimeout(Duration.ofSeconds(5))
                    .await(() -> true, () -> "", ID);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFatalLineInTheOutputFailsAtOnce() {
        int port = FreePort.loopback();
        var e = assertThrows(LoopbackWait.FatalLine.class, () -> LoopbackWait.forHttp(port, "/version", "Address already in use")
                .withStartupTimeout(Duration.ofSeconds(30))
                .await(() -> true, () -> "nginx: [emerg] bind() to 127.0.0.1:1 failed (98: ADDRESS ALREADY IN USE)", ID));
        assertTrue(e.getMessage().contains("0123456789ab"), e.getMessage());
    }

    @Test
    void aContainerThatExitedFailsWithItsOutput() {
        int port = FreePort.loopback();
        var e = assertThrows(ContainerLaunchException.class, () -> LoopbackWait.forHttp(port, "/version", null)
                .withStartupTimeout(Duration.ofSeconds(30)).await(() -> false, () -> "line one\nit broke\n", ID));
        assertTrue(e.getMessage().contains("exited before 127.0.0.1:" + port) && e.getMessage().contains("it broke"),
                e.getMessage());
    }

    @Test
    void aPortThatNeverAnswersTimesOutNamingIt() {
        int port = FreePort.loopback();
        var e = assertThrows(ContainerLaunchException.class, () -> LoopbackWait.forHttp(port, "/version", null)
                .withStartupTimeout(Duration.ofMillis(300)).await(() -> true, () -> "", ID));
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port + "/version within 300 ms"), e.getMessage());
    }
}
