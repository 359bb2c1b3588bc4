package io.wsbed.stack.undertow;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;
import org.xnio.IoUtils;

/** Adapts one Undertow {@link WebSocketChannel} to the runtime's {@link Connection}. */
final class UndertowConnection implements Connection {
    private final WebSocketChannel channel;

    UndertowConnection(WebSocketChannel channel) {
        this.channel = channel;
    }

    /**
     * The idiomatic asynchronous send: Undertow answers through the callback, {@code complete}
     * once the frame is written and {@code onError} when it cannot be (for example UT002002
     * "Channel is closed" after a Close frame went either way).
     */
    @Override
    public void sendText(String text, SendResult result) {
        WebSockets.sendText(text, channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ch, Void context) {
                result.ok();
            }

            @Override
            public void onError(WebSocketChannel ch, Void context, Throwable error) {
                result.failed(error);
            }
        });
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        // No callback: with null, Undertow closes the channel itself when the ping cannot be written,
        // and the close listener then reports the end of the session.
        WebSockets.sendPing(payload, channel, null);
    }

    @Override
    public void close(int code, String reason) {
        WebSockets.sendClose(code, reason, channel, null);
    }

    /**
     * {@code AbstractFramedChannel.close()} closes the underlying XNIO connection directly: no
     * Close frame is queued, the socket is shut at once and the channel's close listeners run.
     */
    @Override
    public void abort() {
        IoUtils.safeClose(channel);
    }
}
