package io.wsbed.harness.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the processes a cell starts (servers, nginx, Toxiproxy proxies), taken from
 * outside the kernel's ephemeral range and handed out in turn, never twice in a row.
 *
 * <p>Why not port 0: a killed server is restarted on its old port, and with cells running side by
 * side another cell's client could meanwhile take that port as the local end of an outgoing
 * connection (the kernel picks those from the ephemeral range), or another cell's server could get
 * it from a bind to port 0. The wire lane also picks a cell's packets by its listening ports, so a
 * port must not serve two cells during one run. Ports from outside the ephemeral range are never
 * chosen by the kernel; taking them round-robin from a random start means this process reuses one
 * only after thousands of others. A port is tried with a bind first, so one another program holds
 * is passed over; the caller still retries when another process took it between the try and its
 * own bind.
 */
public final class FreePort {
    /** Ports below this are left to well-known services. */
    private static final int LOWEST = 10_000;
    private static final Range RANGE = Range.outsideEphemeral(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    private static int next = RANGE.first + ThreadLocalRandom.current().nextInt(RANGE.size());

    private FreePort() {
    }

    /** A loopback port that was free a moment ago and that this process has not handed out recently. */
    public static int loopback() {
        for (int tries = 0; tries < 200; tries++) {
            int port = advance();
            if (port == 0 || bindable(port)) {
                return port == 0 ? anyFree() : port;
            }
        }
        return anyFree();
    }

    private static synchronized int advance() {
        if (RANGE.size() == 0) {
            return 0;
        }
        int port = next;
        next = port == RANGE.last ? RANGE.first : port + 1;
        return port;
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // As the stacks bind: with SO_REUSEADDR, so a port whose old connections linger in TIME_WAIT counts as free.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** The widest run of ports at or above {@link #LOWEST} that the kernel never picks by itself. */
    record Range(int first, int last) {
        int size() {
            return last < first ? 0 : last - first + 1;
        }

        static Range outsideEphemeral(Path sysctl) {
            // A /proc file reports size 0: read it as a line, not by its size.
            try (java.io.BufferedReader r = Files.newBufferedReader(sysctl)) {
                String line = r.readLine();
                String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
                if (parts.length == 2) {
                    return between(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or unreadable: Linux's default range below.
            }
            return between(32_768, 60_999);
        }

        static Range between(int ephemeralLow, int ephemeralHigh) {
            Range below = new Range(LOWEST, ephemeralLow - 1);
            Range above = new Range(Math.max(LOWEST, ephemeralHigh + 1), 65_535);
            return below.size() >= above.size() ? below : above;
        }
    }

    /** Whether something accepts a TCP connection on 127.0.0.1:{@code port} within {@code timeout}. */
    public static boolean accepts(int port, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
