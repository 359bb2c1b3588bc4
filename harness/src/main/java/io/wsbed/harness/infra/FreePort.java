package io.wsbed.harness.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A loopback port that was free a moment ago, for a host-networked container that must bind a
 * port itself (nginx, Toxiproxy's API); the caller retries when another process took it meanwhile.
 */
final class FreePort {
    private FreePort() {
    }

    static int loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
