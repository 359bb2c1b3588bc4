package io.wsbed.stack.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.internal.http.WebSocketInternal;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;

/**
 * Adapts one Vert.x {@link WebSocketBase} (server or client side) to the runtime's
 * {@link Connection}, and wires its handlers to a {@link ConnectionListener}.
 *
 * <p>What Vert.x 5 gives the application (WebSocketImplBase.handleClose): a Close frame from the
 * peer sets {@code closeStatusCode()}; a socket closed without one first calls the
 * exceptionHandler with {@code HttpClosedException("Connection was closed")}, then the
 * closeHandler, and {@code closeStatusCode()} then says 1006.
 */
final class WebSocketConnection implements Connection {
    private static final Buffer PING = Buffer.buffer("hb");

    private final WebSocketBase ws;

    private WebSocketConnection(WebSocketBase ws) {
        this.ws = ws;
    }

    /**
     * Installs the handlers and reports the open. Called on the socket's event loop, so no frame can
     * be handled before the open is reported. With {@code pingMs > 0} a Vert.x periodic timer sends
     * a Ping at that interval until the socket closes.
     */
    static WebSocketConnection attach(Vertx vertx, WebSocketBase ws, ConnectionListener listener, long pingMs) {
        WebSocketConnection c = new WebSocketConnection(ws);
        long timer = pingMs > 0 ? vertx.setPeriodic(pingMs, id -> ws.writePing(PING)) : -1;
        ws.textMessageHandler(text -> listener.onText(c, text));
        ws.pongHandler(payload -> listener.onPong(c));
        ws.exceptionHandler(error -> listener.onError(c, error));
        ws.closeHandler(v -> {
            if (timer != -1) {
                vertx.cancelTimer(timer);
            }
            Short code = ws.closeStatusCode();
            String reason = ws.closeReason();
            listener.onClose(c, code == null ? -1 : code, reason == null ? "" : reason);
        });
        listener.onOpen(c);
        return c;
    }

    /** Vert.x's idiom: the returned Future; it fails with "WebSocket is closed" once a Close was received or the socket closed. */
    @Override
    public void sendText(String text, SendResult result) {
        ws.writeTextMessage(text).onComplete(ar -> {
            if (ar.succeeded()) {
                result.ok();
            } else {
                result.failed(ar.cause());
            }
        });
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        ws.writePing(Buffer.buffer(copy(payload)));
    }

    @Override
    public void close(int code, String reason) {
        ws.close((short) code, reason);
    }

    /**
     * Vert.x's public API has no abort: {@code close()} and {@code Channel.close()} both go through
     * its closing handshake (Close frame, then up to webSocketClosingTimeout for the answer). The
     * internal handler context is the one Vert.x's own idle handling closes (VertxConnection.handleIdle):
     * a TCP close with no Close frame.
     */
    @Override
    public void abort() {
        if (ws instanceof WebSocketInternal internal) {
            internal.channelHandlerContext().close();
        } else {
            ws.close();
        }
    }

    private static byte[] copy(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return bytes;
    }
}
