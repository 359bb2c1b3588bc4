package io.wsbed.stack.tyrus;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Drops the transport under one Tyrus session without sending a Close frame: the closest Tyrus has
 * to an abort.
 *
 * <p>Jakarta WebSocket has no abort and Tyrus exposes none either: {@code Session.close} always
 * writes a Close frame first (it even rewrites 1006 to 1000 on the wire). The engine-internal
 * {@code ProtocolHandler.doClose()} is what Tyrus itself calls once a closing handshake is over: it
 * closes the SPI {@code Writer}, which on Grizzly is {@code Connection.closeSilently()} (a TCP FIN
 * once queued writes are flushed, no Close frame). It is package-private, so it is reached by
 * reflection through {@code TyrusRemoteEndpoint.webSocket} and {@code
 * TyrusWebSocket.getProtocolHandler()}, checked against the pinned Tyrus version by this module's
 * test. Should a later Tyrus rename them, the drop falls back to a public close, said on stderr.
 */
final class TransportDrop {
    private static final String FALLBACK_REASON = "abort (no transport access)";
    private static final Field REMOTE_WEB_SOCKET;
    private static final Method PROTOCOL_HANDLER;
    private static final Method DO_CLOSE;
    private static final String UNAVAILABLE;

    static {
        Field webSocket = null;
        Method handler = null;
        Method doClose = null;
        String unavailable = null;
        try {
            Class<?> remote = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint");
            webSocket = remote.getDeclaredField("webSocket");
            webSocket.setAccessible(true);
            handler = webSocket.getType().getDeclaredMethod("getProtocolHandler");
            handler.setAccessible(true);
            doClose = handler.getReturnType().getDeclaredMethod("doClose");
            doClose.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = e.toString();
        }
        REMOTE_WEB_SOCKET = webSocket;
        PROTOCOL_HANDLER = handler;
        DO_CLOSE = doClose;
        UNAVAILABLE = unavailable;
    }

    /** The engine object whose {@code doClose()} drops the transport, or null when unreachable. */
    private final Object protocolHandler;
    private final Session session;

    private TransportDrop(Session session, Object protocolHandler) {
        this.session = session;
        this.protocolHandler = protocolHandler;
    }

    /** Captures the transport of a session that is open now (it cannot be reached once closed). */
    static TransportDrop of(Session session) {
        if (UNAVAILABLE != null) {
            return new TransportDrop(session, null);
        }
        try {
            Object webSocket = REMOTE_WEB_SOCKET.get(session.getBasicRemote());
            return new TransportDrop(session, PROTOCOL_HANDLER.invoke(webSocket));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("tyrus: cannot reach the transport of session " + session.getId() + ": " + e);
            return new TransportDrop(session, null);
        }
    }

    /** Whether {@link #drop()} really skips the Close frame (false means the public-close fallback). */
    boolean silent() {
        return protocolHandler != null;
    }

    /** Closes the transport now; Tyrus then reports the close to the endpoint as it sees it. */
    void drop() {
        if (protocolHandler != null) {
            try {
                DO_CLOSE.invoke(protocolHandler);
                return;
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.err.println("tyrus: transport drop failed, closing instead: " + e);
            }
        } else {
            System.err.println("tyrus: no transport access (" + UNAVAILABLE + "); abort sends a Close frame");
        }
        try {
            // Tyrus sends 1000 for 1006 and drops the connection without waiting for the reply.
            session.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, FALLBACK_REASON));
        } catch (IOException | IllegalStateException e) {
            // Already closed: there is nothing left to drop.
        }
    }
}
