package io.wsbed.stack.undertow;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.wsbed.stack.api.ConnectionListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the Undertow callbacks of one channel into {@link ConnectionListener} calls, and reports
 * the end of the session exactly once, through whichever of Undertow's two signals comes first.
 *
 * <p>What Undertow 2.4 gives the application, as measured:
 * <ul>
 *   <li>a Close frame from the peer: {@code onCloseMessage} with its code and reason (an empty
 *       Close frame arrives as 1000, not 1005);</li>
 *   <li>FIN without a Close frame: Undertow itself calls {@code onCloseMessage} with a made-up
 *       {@code CloseMessage(1001, "UT002046: Closing WebSocket, peer went away.")} (see
 *       {@code WebSocketChannel.lastDataRead}), and that is reported as is;</li>
 *   <li>a reset connection: {@code onError(SocketException)}, then only the close listener;</li>
 *   <li>a local {@link UndertowConnection#abort()}: only the close listener.</li>
 * </ul>
 */
final class ChannelEvents extends AbstractReceiveListener {
    /**
     * The code reported when only the close listener ran. Undertow offers no received code there:
     * {@code WebSocketChannel.getCloseCode()} is -1 ("unset") in those cases, and would otherwise
     * hold the code this side <em>sent</em>. 1006 is never reported: Undertow core never gives it.
     */
    static final int NO_CLOSE_FRAME = -1;

    private final UndertowConnection connection;
    private final ConnectionListener listener;
    private final AtomicBoolean closeReported = new AtomicBoolean();

    private ChannelEvents(UndertowConnection connection, ConnectionListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    /**
     * Wires a freshly opened channel: applies the idle timeout, installs the listeners, reports the
     * open, then lets frames flow. The idle timeout is {@code WebSocketChannel.setIdleTimeout(ms)},
     * the channel's {@code IdleTimeoutConduit}: any read or write resets it, and on expiry Undertow
     * sends Close 1001 with an empty reason. -1 leaves it untouched, and Undertow's default is none.
     */
    static UndertowConnection attach(WebSocketChannel channel, ConnectionListener listener, long idleTimeoutMs) {
        if (idleTimeoutMs != -1) {
            channel.setIdleTimeout(idleTimeoutMs);
        }
        UndertowConnection connection = new UndertowConnection(channel);
        ChannelEvents events = new ChannelEvents(connection, listener);
        channel.getReceiveSetter().set(events);
        channel.getCloseSetter().set(ch -> events.channelClosed());
        // onOpen before resumeReceives, so that no message can be reported ahead of the open.
        listener.onOpen(connection);
        channel.resumeReceives();
        if (!channel.isOpen()) {
            // Closed before the close listener was in place: it will never run.
            events.channelClosed();
        }
        return connection;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
        listener.onText(connection, message.getData());
    }

    @Override
    protected void onFullPingMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
        // The inherited behaviour sends the automatic pong (and frees the buffer); keep it.
        super.onFullPingMessage(channel, message);
        listener.onPong(connection);
    }

    @Override
    protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        listener.onPong(connection);
    }

    /** The peer's Close frame (its own, or its answer to ours); Undertow echoes it afterwards. */
    @Override
    protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
        if (closeReported.compareAndSet(false, true)) {
            listener.onClose(connection, message.getCode(), message.getReason());
        }
    }

    /** Undertow's error path (for example a reset connection); the inherited part closes the channel. */
    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        listener.onError(connection, error);
        super.onError(channel, error);
    }

    /** The channel's close listener: the connection is gone, whatever preceded it. */
    private void channelClosed() {
        if (closeReported.compareAndSet(false, true)) {
            listener.onClose(connection, NO_CLOSE_FRAME, "");
        }
    }
}
