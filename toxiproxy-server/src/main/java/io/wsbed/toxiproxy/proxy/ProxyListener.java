package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.DataPlane;
import io.wsbed.toxiproxy.link.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The bound listening socket of an enabled proxy and its accept thread. Closing it makes new
 * connects fail with "connection refused", as disabling does in the reference.
 */
final class ProxyListener implements AutoCloseable {
    /** Room for bursts of connects: the harness opens up to ~200 connections at once. */
    private static final int BACKLOG = 512;

    /** How long close waits for the accept thread to leave accept (it takes microseconds). */
    private static final long CLOSE_WAIT_NANOS = 2_000_000_000L;

    private final ServerSocketChannel server;
    private final String boundAddress;
    private final Object acceptState = new Object();
    private boolean accepting;
    private boolean closed;

    private ProxyListener(ServerSocketChannel server) throws IOException {
        this.server = server;
        this.boundAddress = Addresses.render((InetSocketAddress) server.getLocalAddress());
    }

    /** Binds {@code listen}; 500 with the reference's wording when that fails. */
    static ProxyListener bind(String listen) {
        InetSocketAddress address = Addresses.resolveListen(listen);
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, BACKLOG);
            return new ProxyListener(server);
        } catch (IOException e) {
            Sockets.closeQuietly(server);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw ToxiproxyException.internal("listen tcp " + listen + ": bind: " + reason.toLowerCase(Locale.ROOT));
        }
    }

    /** The actual address, e.g. {@code 127.0.0.1:41234} for a requested {@code 127.0.0.1:0}. */
    String boundAddress() {
        return boundAddress;
    }

    /** Starts accepting; each client goes to {@code onAccept} on the accept thread. */
    void start(DataPlane plane, String proxyName, BiConsumer<ProxyListener, SocketChannel> onAccept) {
        plane.startThread("toxiproxy-accept-" + proxyName, () -> acceptLoop(onAccept));
    }

    private void acceptLoop(BiConsumer<ProxyListener, SocketChannel> onAccept) {
        while (true) {
            SocketChannel client;
            synchronized (acceptState) {
                if (closed) {
                    return;
                }
                accepting = true;
            }
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed by stop(): the proxy no longer listens
            } finally {
                synchronized (acceptState) {
                    accepting = false;
                    acceptState.notifyAll();
                }
            }
            try {
                onAccept.accept(this, client);
            } catch (RuntimeException e) {
                // One bad connection must not stop the proxy from accepting the next.
                Sockets.closeQuietly(client);
                System.getLogger(ProxyListener.class.getName()).log(System.Logger.Level.ERROR,
                        "proxy " + boundAddress + ": could not set up an accepted connection", e);
            }
        }
    }

    /**
     * Closes the listening socket and waits (bounded) until the accept thread has left its accept
     * call: the kernel keeps the port bound while a thread is inside accept, so an immediate
     * re-enable would otherwise fail with "address already in use".
     */
    @Override
    public void close() {
        synchronized (acceptState) {
            closed = true;
        }
        Sockets.closeQuietly(server);
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        synchronized (acceptState) {
            while (accepting) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    acceptState.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }
}
