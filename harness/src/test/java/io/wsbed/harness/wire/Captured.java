package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.timeline.Event;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a piece of loopback traffic inside a real capture (tcpdump started by the test) and reads
 * the capture back as the wire lane of a server on one port. Skips the test, naming the install
 * command, where tcpdump is missing or may not capture.
 */
final class Captured {
    private Captured() {
    }

    /** What a test does on the wire: it gets a listening server socket on a free loopback port. */
    interface Traffic {
        void run(ServerSocket server) throws Exception;
    }

    /** The lane of the capture, and the server's port. */
    record Lane(WireLane.Result result, int port) {
        List<Event> events() {
            return result.events();
        }

        List<Event> named(String ev) {
            return events().stream().filter(e -> e.ev().equals(ev)).toList();
        }

        /** Events named {@code ev} going to the server's port (from the client) or from it. */
        List<Event> toServer(String ev) {
            return named(ev).stream().filter(e -> e.num("to", -1) == port).toList();
        }

        List<Event> fromServer(String ev) {
            return named(ev).stream().filter(e -> e.num("from", -1) == port).toList();
        }

        String names() {
            return events().stream().map(e -> e.ev() + "(" + e.num("from", -1) + ">" + e.num("to", -1) + ")")
                    .collect(Collectors.joining(" "));
        }
    }

    static CaptureMode requireTcpdump() {
        CaptureMode mode = CaptureMode.resolve("auto");
        Assumptions.assumeTrue(mode.on(), () -> "needs a tcpdump that may capture on lo (" + CaptureMode.INSTALL
                + ", as root): " + mode.why());
        return mode;
    }

    static Lane capture(Path dir, Traffic traffic) throws Exception {
        CaptureMode mode = requireTcpdump();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            WireCapture.Stats stats;
            try (WireCapture capture = WireCapture.start(mode.tcpdump(), dir)) {
                traffic.run(server);
                stats = capture.stop();
            }
            assertTrue(stats.droppedByKernel() <= 0, "the kernel dropped packets: " + stats);
            return new Lane(read(stats.file(), server.getLocalPort()), server.getLocalPort());
        }
    }

    static WireLane.Result read(Path pcap, int port) throws IOException {
        return WireLane.read(pcap, Set.of(port));
    }

    /** Now in epoch microseconds, read as the harness's timeline reads it (the system clock). */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
