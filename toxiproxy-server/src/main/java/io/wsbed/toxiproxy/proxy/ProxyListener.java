package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.DataPlane;
import io.wsbed.toxiproxy.link.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The bound listening socket of an enabled proxy and its accept thread. Closing it makes new
 * connects fail with "connection refused", as disabling does in the reference.
 */
final class ProxyListener implements AutoCloseable {
    /** Room for bursts of connects: the harness opens up to ~200 connections at once. */
    private static final int BACKLOG = 512;

    private final ServerSocket server;
    private final String boundAddress;

    private ProxyListener(ServerSocket server) {
        this.server = server;
        this.boundAddress = Addresses.render((InetSocketAddress) server.getLocalSocketAddress());
    }

    /** Binds {@code listen}; 500 with the reference's wording when that fails. */
    static ProxyListener bind(String listen) {
        InetSocketAddress address = Addresses.resolveListen(listen);
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
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
    void start(DataPlane plane, String proxyName, BiConsumer<ProxyListener, Socket> onAccept) {
        plane.startThread("toxiproxy-accept-" + proxyName, () -> acceptLoop(onAccept));
    }

    private void acceptLoop(BiConsumer<ProxyListener, Socket> onAccept) {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed by stop(): the proxy no longer listens
            }
            onAccept.accept(this, client);
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(server);
    }
}
