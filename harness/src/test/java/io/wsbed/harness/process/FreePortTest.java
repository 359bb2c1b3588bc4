package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
