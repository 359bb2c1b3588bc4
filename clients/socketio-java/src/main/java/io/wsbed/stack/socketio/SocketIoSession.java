package io.wsbed.stack.socketio;

import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.client.SocketIOException;
import io.socket.engineio.client.Transport;
import io.socket.engineio.parser.Packet;
import io.wsbed.stack.api.ConnectionListener;
import java.util.concurrent.CompletableFuture;
import org.json.JSONObject;

/**
 * One {@link Socket} and what it reports, mapped onto the runtime's listener (see the package
 * documentation). Without built-in reconnect a socket lives for one connection attempt and at most
 * one session; with it, the socket's Manager reconnects and each {@code connect} is a new session
 * reported through the same listener.
 *
 * <p>The library calls every listener on its single event thread; the fields are volatile because
 * the runtime's timers and commands read them from others.
 */
final class SocketIoSession {
    private final Socket socket;
    private final ConnectionListener listener;
    private final boolean builtinReconnect;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final Runnable onEnd;
    /** The open session, or null between sessions. */
    private volatile SocketIoConnection current;
    /** The engine.io transport in use, once known. */
    private volatile String transport;
    /** Whether the Manager's engine has opened: a transport created after that is an upgrade probe. */
    private volatile boolean engineOpen;

    SocketIoSession(Socket socket, ConnectionListener listener, boolean builtinReconnect, Runnable onEnd) {
        this.socket = socket;
        this.listener = listener;
        this.builtinReconnect = builtinReconnect;
        this.onEnd = onEnd;
        opened.whenComplete((ignored, error) -> {
            if (error != null && !builtinReconnect) {
                // The attempt failed or the caller gave up on it: never let it open late.
                release();
            }
        });
    }

    /** Listens to the socket and its Manager, then starts connecting. */
    SocketIoSession start() {
        socket.on(Socket.EVENT_CONNECT, args -> connected());
        socket.on(SocketIoConnection.EVENT, this::message);
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected(args.length > 0 && args[0] != null ? args[0].toString() : ""));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectError(args.length > 0 ? args[0] : null));
        socket.io().on(Manager.EVENT_OPEN, args -> engineOpen(true));
        socket.io().on(Manager.EVENT_CLOSE, args -> engineOpen(false));
        socket.io().on(Manager.EVENT_TRANSPORT, args -> {
            if (args.length > 0 && args[0] instanceof Transport t) {
                created(t);
            }
        });
        if (builtinReconnect) {
            // The event stream has no line for a reconnect the library makes by itself: stderr keeps them.
            socket.io().on(Manager.EVENT_RECONNECT_ATTEMPT, args -> System.err.println(
                    "socket.io-java: the Manager's reconnect attempt " + (args.length > 0 ? args[0] : "?")));
            socket.io().on(Manager.EVENT_RECONNECT_ERROR, args -> System.err.println(
                    "socket.io-java: the Manager's reconnect attempt failed: " + (args.length > 0 ? args[0] : "?")));
        }
        socket.connect();
        return this;
    }

    /** Completes at the first open; fails when the first attempt fails. */
    CompletableFuture<Void> opened() {
        return opened;
    }

    void connected() {
        opened.complete(null);
        if (opened.isCompletedExceptionally() && !builtinReconnect) {
            // Opened after the runtime gave up on the attempt: the release is already under way.
            return;
        }
        SocketIoConnection c = new SocketIoConnection(socket);
        current = c;
        listener.onOpen(c);
        String t = transport;
        if (t != null) {
            listener.onTransport(c, t);
        }
    }

    void message(Object... args) {
        SocketIoConnection c = current;
        if (c != null && args.length > 0 && args[0] != null) {
            // The contract's messages are JSON text; a server that sent an object instead gets its JSON form.
            listener.onText(c, args[0].toString());
        }
    }

    void disconnected(String reason) {
        SocketIoConnection c = current;
        current = null;
        if (c != null) {
            listener.onClose(c, -1, reason);
        }
        if (!builtinReconnect) {
            release();
        }
    }

    /**
     * Before the first open this fails the attempt. Later ones come from the Manager's own
     * reconnect attempts, which the runtime has no session to report on.
     */
    void connectError(Object data) {
        opened.completeExceptionally(asThrowable(data));
    }

    void engineOpen(boolean open) {
        engineOpen = open;
    }

    /**
     * engine.io announces every transport it creates: the one it connects with, and after it opened,
     * the one it probes the upgrade with. A probe carries the session only once the server has
     * answered its "probe" ping (engine.io then switches to it); a probe that a proxy refuses (403)
     * never does, and is not reported.
     */
    void created(Transport t) {
        if (!engineOpen) {
            transport(t.name);
            return;
        }
        t.on(Transport.EVENT_PACKET, args -> {
            if (args.length > 0 && args[0] instanceof Packet<?> p && Packet.PONG.equals(p.type) && "probe".equals(p.data)) {
                transport(t.name);
            }
        });
    }

    void transport(String name) {
        transport = name;
        SocketIoConnection c = current;
        if (c != null) {
            listener.onTransport(c, name);
        }
    }

    /** Ends the socket and its Manager for good (no reconnect). */
    void release() {
        socket.close();
        onEnd.run();
    }

    /**
     * What {@code connect_error} carries: the engine's exception (refused, timeout), or the JSON
     * a server middleware refused the connection with.
     */
    static Throwable asThrowable(Object data) {
        if (data instanceof Throwable t) {
            return t;
        }
        if (data instanceof JSONObject json && json.has("message")) {
            return new SocketIOException(json.optString("message"));
        }
        return new SocketIOException(String.valueOf(data));
    }
}
