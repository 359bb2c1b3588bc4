package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class NginxProcessTest {
    private static final Logger LOG = LoggerFactory.getLogger(NginxProcessTest.class);
    private static final Duration GONE = Duration.ofSeconds(5);

    @Test
    void proxiesAnHttpRequestToTheUpstreamWithForwardingHeaders() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        try (RawUpstream upstream = new RawUpstream();
             NginxLifecycle proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST,
                     upstream.port(), NginxTestSupport.logFolder("proxies-http"))) {
            String response = get(proxy.port(), "/hello");

            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.endsWith(RawUpstream.BODY), response);
            String head = upstream.heads().get(0);
            assertTrue(head.startsWith("GET /hello HTTP/1.1\r\n"), "nginx speaks HTTP/1.1 upstream: " + head);
            assertEquals("127.0.0.1", WebSocketWire.header(head, "X-Forwarded-For"), head);
            assertEquals("http", WebSocketWire.header(head, "X-Forwarded-Proto"), head);
            assertEquals("127.0.0.1", WebSocketWire.header(head, "Host"), head);
            assertEquals("close", WebSocketWire.header(head, "Connection"), "no upgrade asked, none passed: " + head);
        }
    }

    @Test
    void reloadKeepsThePortAndReplacesTheWorker() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        try (RawUpstream upstream = new RawUpstream();
             NginxLifecycle proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST,
                     upstream.port(), NginxTestSupport.logFolder("reload"))) {
            int port = proxy.port();
            long master = proxy.masterPid();
            Set<Long> before = proxy.workerPids();

            NginxReload reload = proxy.reload(NginxTestSupport.FAST.withReadTimeout(Duration.ofSeconds(2)));

            LOG.info("MEASURED reload: new worker running {} ms after 'nginx -s reload'", reload.took().toMillis());
            assertEquals(before, reload.oldWorkers());
            assertFalse(reload.newWorkers().isEmpty());
            assertTrue(reload.newWorkers().stream().noneMatch(before::contains), "new workers must be new pids: " + reload);
            assertEquals(port, proxy.port());
            assertEquals(master, proxy.masterPid(), "a reload keeps the master");
            NginxTestSupport.awaitAllGone(new ArrayList<>(before), GONE);
            assertTrue(get(port, "/after-reload").startsWith("HTTP/1.1 200"), "still proxying on the same port");
            assertEquals(Duration.ofSeconds(2), proxy.settings().readTimeout());
        }
    }

    @Test
    void retriesOnAnotherPortWhenTheFirstChoiceIsTaken() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            AtomicInteger calls = new AtomicInteger();
            IntSupplier ports = () -> calls.getAndIncrement() == 0 ? squatter.getLocalPort() : FreePort.loopback();

            long began = System.nanoTime();
            try (NginxLifecycle proxy = NginxLifecycle.start(NginxProcess.runtime(nginx), NginxTestSupport.renderer(),
                    NginxTestSupport.FAST, 1, NginxTestSupport.logFolder("bind-clash"), ports, NginxLifecycle.Timeouts.DEFAULT)) {
                LOG.info("MEASURED start with one bind clash: {} ms", (System.nanoTime() - began) / 1_000_000);
                assertEquals(2, calls.get(), "one clash, one retry");
                assertNotEquals(squatter.getLocalPort(), proxy.port());
            }
        }
    }

    @Test
    void closeLeavesNoNginxProcessAndKeepsTheLogs() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        Path logs = NginxTestSupport.logFolder("close");
        long began = System.nanoTime();
        NginxLifecycle proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST, 1, logs);
        LOG.info("MEASURED start: nginx ready {} ms after start()", (System.nanoTime() - began) / 1_000_000);
        List<Long> pids = NginxTestSupport.processTreePids(proxy);
        Path prefix = ((NginxProcess) proxy.master()).prefixRoot();
        try {
            assertTrue(pids.size() >= 4, "watchdog, its reader, master and worker: " + pids);

            proxy.close();
            proxy.close(); // idempotent

            assertTrue(NginxTestSupport.stillRunning(pids).isEmpty(), "still running: " + NginxTestSupport.stillRunning(pids));
            assertFalse(Files.exists(prefix), "the private prefix is deleted");
            assertTrue(Files.readString(logs.resolve("nginx.conf")).contains("listen 127.0.0.1:" + proxy.port() + ";"));
            assertTrue(Files.exists(logs.resolve("nginx-error.log")));
            assertTrue(Files.exists(logs.resolve("nginx-access.log")));
            assertThrows(IllegalStateException.class, proxy::reload);
        } finally {
            NginxTestSupport.killQuietly(pids);
        }
    }

    @Test
    void gracefulStopEndsMasterAndWorkers() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        NginxLifecycle proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST, 1,
                NginxTestSupport.logFolder("stop"));
        List<Long> pids = NginxTestSupport.processTreePids(proxy);
        try {
            proxy.stop(Duration.ofSeconds(5));

            assertTrue(NginxTestSupport.stillRunning(pids).isEmpty(), "still running: " + NginxTestSupport.stillRunning(pids));
        } finally {
            NginxTestSupport.killQuietly(pids);
        }
    }

    @Test
    void aFailedStartSaysWhyWithTheExitCodeAndTheLogTail() {
        NginxBinary nginx = NginxTestSupport.nginx();
        NginxConfigRenderer broken = new NginxConfigRenderer(
                "daemon off; error_log logs/error.log; pid logs/nginx.pid; events {} no_such_directive {{listen}};\n", "broken");
        Path logs = NginxTestSupport.logFolder("failed-start");

        HarnessException e = assertThrows(HarnessException.class,
                () -> NginxTestSupport.start(nginx, broken, NginxTestSupport.FAST, 1, logs));

        assertTrue(e.getMessage().contains("nginx exited with code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown directive \"no_such_directive\""), e.getMessage());
        assertTrue(e.getMessage().contains(logs.toString()), e.getMessage());
        assertTrue(Files.exists(logs.resolve("nginx-error.log")));
    }

    @Test
    void workerPidsAreTheMastersRunningChildren() throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        try (NginxLifecycle proxy = NginxTestSupport.start(nginx, NginxTestSupport.renderer(), NginxTestSupport.FAST, 1,
                NginxTestSupport.logFolder("workers"))) {
            Set<Long> workers = proxy.workerPids();

            assertEquals(1, workers.size(), "worker_processes 1: " + workers);
            Set<Long> children = new HashSet<>();
            ProcessHandle.of(proxy.masterPid()).orElseThrow().children().forEach(c -> children.add(c.pid()));
            assertEquals(children, workers);
        }
    }

    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
