package io.wsbed.harness.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ConfigTemplate;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.scenario.Timings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HAProxy of lb-failover: the packaged template rendered for loopback with every placeholder
 * filled (and a template with an unknown one refused), and the real haproxy started, ready, retried
 * on a taken port, and gone without a trace on close (SKIPPED with the apt line where it is missing).
 */
class HaproxyTest {
    private static final HaproxySettings SETTINGS = HaproxySettings.scaled(Timings.scaled(10_000));

    @Test
    void theTemplateIsRenderedOnLoopbackWithTheScaledTimeouts() {
        String cfg = HaproxyConfig.packaged().render(SETTINGS, 40_000, List.of(40_001, 40_002));

        assertFalse(cfg.contains("{{"), cfg);
        assertTrue(cfg.contains("bind 127.0.0.1:40000\n"), cfg);
        assertTrue(cfg.contains("    server i1 127.0.0.1:40001\n    server i2 127.0.0.1:40002"), cfg);
        assertTrue(cfg.contains("balance leastconn"), cfg);
        assertTrue(cfg.contains("timeout tunnel 30000ms"), "three windows: " + cfg);
        assertTrue(cfg.contains("timeout connect 500ms") && cfg.contains("timeout client 5000ms")
                && cfg.contains("timeout server 5000ms"), cfg);
        assertTrue(cfg.contains("default-server check inter 250ms fall 2 rise 2"), cfg);
        assertTrue(cfg.contains("retries 2"), cfg);
        String directives = String.join("\n", cfg.lines().filter(l -> !l.strip().startsWith("#")).toList());
        assertFalse(directives.contains("0.0.0.0") || directives.contains("stats socket") || directives.contains("daemon")
                || directives.contains("master-worker"), "loopback only, foreground, no socket: " + directives);
    }

    @Test
    void aPlaceholderTheHarnessDoesNotFillIsRefused() {
        HaproxyConfig config = new HaproxyConfig(new ConfigTemplate("haproxy", "bind {{listen}}\n{{ maxconn }}\n", "test"));

        HarnessException e = assertThrows(HarnessException.class, () -> config.render(SETTINGS, 40_000, List.of(40_001)));
        assertTrue(e.getMessage().contains("[maxconn]"), e.getMessage());
    }

    @Test
    void theSettingsAreListedForTheRunHeader() {
        assertEquals(List.of("haproxy_timeout_connect_ms", "haproxy_timeout_client_ms", "haproxy_timeout_server_ms",
                "haproxy_timeout_tunnel_ms", "haproxy_check_inter_ms", "haproxy_check_fall", "haproxy_check_rise",
                "haproxy_retries"), List.copyOf(SETTINGS.asMap().keySet()));
        assertTrue(Timings.scaled(10_000).asMap().keySet().containsAll(SETTINGS.asMap().keySet()));
    }

    @Test
    void startsReadyRetriesATakenPortAndLeavesNothingOnClose(@TempDir Path logs) throws Exception {
        HaproxyBinary binary = HaproxyBinary.local().orElse(null);
        assumeTrue(binary != null, HaproxyBinary.MISSING_REASON);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket one = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket two = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger asked = new AtomicInteger();
            HaproxyFront front = HaproxyFront.start(binary, SETTINGS, List.of(one.getLocalPort(), two.getLocalPort()), logs,
                    () -> asked.getAndIncrement() == 0 ? taken.getLocalPort() : FreePort.loopback());
            List<Long> pids;
            Path prefix = front.prefix();
            try {
                assertEquals(2, asked.get(), "the taken port was given up for another");
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", front.port()), 1000);
                }
                pids = front.processTreePids();
                assertTrue(pids.size() >= 2, "watchdog and haproxy: " + pids);
            } finally {
                front.close();
            }
            List<ProcessHandle> left = ProcessTree.awaitGone(
                    pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).toList(), Duration.ofSeconds(5));
            assertEquals(List.of(), left, "nothing of haproxy's tree runs after close");
            assertFalse(Files.exists(prefix), "the prefix is deleted");
            assertTrue(Files.readString(logs.resolve("haproxy.cfg")).contains("bind 127.0.0.1:" + front.port()));
            assertTrue(Files.exists(logs.resolve("haproxy-console.log")));
        }
    }
}
