package io.wsbed.stack.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.net.InetSocketAddress;

/**
 * The server role: an {@link Undertow} HTTP listener whose only route is a
 * {@code Handlers.websocket} handshake handler at the contract's path.
 */
final class UndertowServerEngine implements ServerEngine {
    /**
     * Bound on {@link Undertow#stop()}: without {@code SHUTDOWN_TIMEOUT} it waits for the XNIO
     * worker without limit; with it, it waits this long and then forces the worker down.
     */
    private static final int STOP_WAIT_MS = 2_000;

    private Undertow server;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) {
        LibraryLogging.quiet();
        // One callback per upgraded connection, on an XNIO I/O thread.
        var websocket = Handlers.websocket((exchange, channel) ->
                ChannelEvents.attach(channel, listener, options.idleTimeoutMs()));
        server = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, STOP_WAIT_MS)
                // Exact match: any other path gets the PathHandler's 404, as a real endpoint would.
                .setHandler(Handlers.path().addExactPath(options.path(), websocket))
                .build();
        server.start();
        // With port 0 the kernel chose the port; the listener info holds the bound address.
        InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return bound.getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
