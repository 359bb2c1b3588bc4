package io.wsbed.harness.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A loopback port that was free a moment ago, for a process that must bind a port itself and
 * cannot be told to take port 0 (nginx, a host-networked Toxiproxy container); the caller retries
 * when another process took it meanwhile.
 */
public final class FreePort {
    private FreePort() {
    }

    public static int loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
