package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void portsComeFromOutsideTheEphemeralRangeTheWiderSideFirst() {
        assertEquals(new FreePort.Range(10_000, 32_767), FreePort.Range.between(32_768, 60_999));
        assertEquals(new FreePort.Range(61_000, 65_535), FreePort.Range.between(12_000, 60_999));
        assertEquals(0, FreePort.Range.between(1_024, 65_535).size(), "no gap: the kernel's choice (port 0) instead");
    }

    @Test
    void theKernelsRangeIsReadFromProc(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path sysctl = dir.resolve("ip_local_port_range");
        java.nio.file.Files.writeString(sysctl, "40000\t50000\n");
        assertEquals(new FreePort.Range(10_000, 39_999), FreePort.Range.outsideEphemeral(sysctl));
        java.nio.file.Path real = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (java.nio.file.Files.isReadable(real)) {
            String[] kernel = java.nio.file.Files.readAllLines(real).get(0).trim().split("\\s+");
            assertEquals(FreePort.Range.between(Integer.parseInt(kernel[0]), Integer.parseInt(kernel[1])),
                    FreePort.Range.outsideEphemeral(real), "this machine's range, read as the kernel states it");
        }
        assertEquals(new FreePort.Range(10_000, 32_767), FreePort.Range.outsideEphemeral(dir.resolve("missing")));
    }

    @Test
    void aPortIsNotHandedOutTwiceInARunAndCanBeBound() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertTrue(seen.add(FreePort.loopback()), "handed out twice within 500");
        }
        int port = FreePort.loopback();
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            assertEquals(port, s.getLocalPort());
        }
    }

    @Test
    void aPortAnotherProgramHoldsIsPassedOver() throws Exception {
        int next = FreePort.loopback() + 1; // the cursor's next candidate (the range is walked in order)
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", next));
            assertNotEquals(next, FreePort.loopback());
        } catch (java.net.BindException e) {
            // Someone else holds it already: the point is made either way.
        }
    }

    @Test
    void acceptsSaysWhetherSomethingListensOnTheLoopbackPort() throws Exception {
        int port;
        try (ServerSocket listening = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = listening.getLocalPort();
            assertTrue(FreePort.accepts(port, java.time.Duration.ofSeconds(2)), "a listening socket on " + port);
        }
        assertFalse(FreePort.accepts(port, java.time.Duration.ofSeconds(2)), "nothing listens on " + port + " any more");
    }
}
