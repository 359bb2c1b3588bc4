package io.wsbed.harness.nginx;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written upstream on 127.0.0.1: answers plain requests with 200 and upgrade requests
 * with 101, after which the connection becomes a {@link TunnelEnd} the test drives.
 */
final class RawUpstream implements AutoCloseable {
    static final String BODY = "hello from upstream";

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<TunnelEnd> tunnels = new LinkedBlockingQueue<>();
    private final List<TunnelEnd> all = new CopyOnWriteArrayList<>();

    RawUpstream() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        acceptor = new Thread(this::acceptLoop, "raw-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Request heads as nginx forwarded them, in arrival order. */
    List<String> heads() {
        return heads;
    }

    /** The upstream end of the next upgraded connection. */
    TunnelEnd awaitTunnel(Duration timeout) throws InterruptedException {
        TunnelEnd end = tunnels.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (end == null) {
            throw new AssertionError("no upgraded connection reached the upstream within " + timeout.toMillis() + " ms");
        }
        return end;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                serve(server.accept());
            } catch (IOException e) {
                // closed: the loop condition ends it
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String head = WebSocketWire.readHead(in);
        heads.add(head);
        String key = WebSocketWire.header(head, "Sec-WebSocket-Key");
        if (key != null) {
            socket.getOutputStream().write(WebSocketWire.switchingProtocols(key));
            socket.getOutputStream().flush();
            TunnelEnd end = new TunnelEnd("upstream", socket, in);
            all.add(end);
            tunnels.add(end);
            return;
        }
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        try (socket) {
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (TunnelEnd end : all) {
            end.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
