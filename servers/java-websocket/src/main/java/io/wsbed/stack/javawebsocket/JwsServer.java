package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.ConnectionListener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * A {@link WebSocketServer} that reports its sessions to a {@link ConnectionListener}. Each
 * session's {@link JwsConnection} rides on the socket as its attachment, so every callback passes
 * the same instance.
 */
final class JwsServer extends WebSocketServer {
    private final String path;
    private final ConnectionListener listener;
    /** Completes when the selector thread has bound and started, fails when that start failed. */
    final CompletableFuture<Void> started = new CompletableFuture<>();

    JwsServer(InetSocketAddress address, String path, ConnectionListener listener) {
        super(address);
        this.path = path;
        this.listener = listener;
    }

    /**
     * Java-WebSocket accepts every path; the application is expected to check the request itself.
     * Throwing here makes the library answer the upgrade with its HTTP 404.
     */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        String requested = URI.create(request.getResourceDescriptor()).getPath();
        if (!path.equals(requested)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no WebSocket endpoint at " + requested);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        JwsConnection connection = new JwsConnection(conn);
        conn.setAttachment(connection);
        listener.onOpen(connection);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        listener.onText(conn.getAttachment(), message);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        JwsConnection connection = conn.getAttachment();
        if (connection != null) {
            listener.onPong(connection);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        JwsConnection connection = conn.getAttachment();
        if (connection != null) {
            listener.onClose(connection, code, reason);
        }
    }

    /**
     * With a null socket the error is the server's own (a failed bind ends the selector thread):
     * before the start it fails {@link #started}, later it goes to stderr.
     */
    @Override
    public void onError(WebSocket conn, Exception ex) {
        JwsConnection connection = conn == null ? null : conn.getAttachment();
        if (connection != null) {
            listener.onError(connection, ex);
        } else if (!started.completeExceptionally(ex)) {
            System.err.println("java-websocket server error: " + ex);
        }
    }
}
