package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wsbed.harness.process.FreePort;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;

/** Readiness of a host-networked container, polled on 127.0.0.1 with the container's state as plain functions. */
class LoopbackWaitTest {
    private static final String ID = "0123456789abcdef";

    @Test
    void readyOnceTheLoopbackPortAccepts() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            LoopbackWait.forTcp(s.getLocalPort(), "in use").withStartupTimeout(Duration.ofSeconds(5))
                    .await(() -> true, () -> "", ID);
        }
    }

    @Test
    void waitsForTheConfirmationBeforeCallingItReady() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            LoopbackWait.forTcp(s.getLocalPort(), null).confirmedBy(() -> asked.incrementAndGet() >= 3)
                    .withStartupTimeout(Duration.ofSeconds(5)).await(() -> true, () -> "", ID);
        }
        assertTrue(asked.get() >= 3, "ready only after the container confirmed it owns the port");
    }

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
        var e = assertThrows(LoopbackWait.FatalLine.class, () -> LoopbackWait.forTcp(port, "Address already in use")
                .withStartupTimeout(Duration.ofSeconds(30))
                .await(() -> true, () -> "nginx: [emerg] bind() to 127.0.0.1:1 failed (98: ADDRESS ALREADY IN USE)", ID));
        assertTrue(e.getMessage().contains("0123456789ab"), e.getMessage());
    }

    @Test
    void aContainerThatExitedFailsWithItsOutput() {
        int port = FreePort.loopback();
        var e = assertThrows(ContainerLaunchException.class, () -> LoopbackWait.forTcp(port, null)
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
