package io.wsbed.stack.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import java.nio.ByteBuffer;

/** Adapts one upgraded Netty {@link Channel} to the runtime's {@link Connection}. */
final class NettyConnection implements Connection {
    private final Channel channel;
    private volatile boolean closeSent;

    NettyConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Netty's idiom: {@code writeAndFlush} never throws; the returned future says what became of
     * the frame. After a Close frame went out, {@code WebSocketProtocolHandler.write} fails it with
     * ClosedChannelException; on a closed channel {@code AbstractChannel} does the same.
     */
    @Override
    public void sendText(String text, SendResult result) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(f -> {
            if (f.isSuccess()) {
                result.ok();
            } else {
                result.failed(f.cause());
            }
        });
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(payload)));
    }

    /** Sends the Close frame; the channel is closed when the peer's Close comes back (see {@link FrameEvents}). */
    @Override
    public void close(int code, String reason) {
        closeSent = true;
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
    }

    /**
     * {@code Channel.close()}. Netty's protocol handler (sendCloseFrame defaults to 1000) writes a
     * Close 1000 first when none went out yet, then closes the socket without waiting for an answer.
     */
    @Override
    public void abort() {
        channel.close();
    }

    boolean closeSent() {
        return closeSent;
    }

    void markCloseSent() {
        closeSent = true;
    }
}
