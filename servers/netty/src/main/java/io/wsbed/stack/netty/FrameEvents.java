package io.wsbed.stack.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import io.wsbed.stack.api.ConnectionListener;
import java.util.concurrent.CompletableFuture;

/**
 * The application's handler at the end of one channel's pipeline: turns Netty's frames, user
 * events and channel state into {@link ConnectionListener} calls.
 *
 * <p>What Netty gives the application, from its source: the protocol handlers are configured with
 * {@code handleCloseFrames(false)} so that a Close frame reaches this handler with its code (with
 * the default, Netty answers it itself and the application only sees the channel go inactive), and
 * {@code dropPongFrames(false)} so that pongs count as signs of life. A socket closed without a Close
 * frame is only {@code channelInactive}: Netty has no code for it, so the close is reported with
 * code -1 ("no code"), as the library gave none; a reset adds {@code exceptionCaught(IOException)}.
 */
final class FrameEvents extends ChannelInboundHandlerAdapter {
    private static final int NO_CODE = -1;

    private final ConnectionListener listener;
    private final Timeouts timeouts;
    /** Completed with the connection once the handshake is done (client attempts wait on it). */
    private final CompletableFuture<NettyConnection> opened = new CompletableFuture<>();
    private final StringBuilder fragments = new StringBuilder();
    private NettyConnection connection;
    private int receivedCode = NO_CODE;
    private String receivedReason = "";

    FrameEvents(ConnectionListener listener, Timeouts timeouts) {
        this.listener = listener;
        this.timeouts = timeouts;
    }

    CompletableFuture<NettyConnection> opened() {
        return opened;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete
                || evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            open(ctx);
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            opened.completeExceptionally(new java.util.concurrent.TimeoutException(
                    "no handshake answer within the handshake timeout (WebSocketClientProtocolConfig.handshakeTimeoutMillis)"));
        } else if (evt instanceof IdleStateEvent idle && connection != null) {
            idle(ctx, idle.state());
        }
        super.userEventTriggered(ctx, evt);
    }

    private void open(ChannelHandlerContext ctx) {
        connection = new NettyConnection(ctx.channel());
        timeouts.install(ctx.pipeline());
        listener.onOpen(connection);
        opened.complete(connection);
    }

    private void idle(ChannelHandlerContext ctx, IdleState state) {
        switch (state) {
            case WRITER_IDLE -> connection.sendPing(java.nio.ByteBuffer.wrap(new byte[] {'h', 'b'}));
            case READER_IDLE -> {
                // The same shared exception Netty's ReadTimeoutHandler (an IdleStateHandler) raises; its
                // message constructor asserts against use outside Netty.
                listener.onError(connection, ReadTimeoutException.INSTANCE);
                ctx.channel().close();
            }
            case ALL_IDLE -> connection.close(1001, "idle");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                fragments.setLength(0);
                text(text.text(), text.isFinalFragment());
            } else if (msg instanceof ContinuationWebSocketFrame more) {
                text(more.text(), more.isFinalFragment());
            } else if (msg instanceof PongWebSocketFrame) {
                listener.onPong(connection);
            } else if (msg instanceof PingWebSocketFrame) {
                // Only reached if a protocol handler let it through; Netty answers pings itself.
                listener.onPong(connection);
            } else if (msg instanceof CloseWebSocketFrame close) {
                closeFrame(ctx, close);
            } else if (msg instanceof FullHttpRequest) {
                // Netty's handshake handler passes on requests for any other path: answer as a router would.
                ctx.writeAndFlush(new DefaultFullHttpResponse(((FullHttpRequest) msg).protocolVersion(),
                        HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER)).addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void text(String part, boolean last) {
        if (last && fragments.length() == 0) {
            listener.onText(connection, part);
            return;
        }
        fragments.append(part);
        if (last) {
            String whole = fragments.toString();
            fragments.setLength(0);
            listener.onText(connection, whole);
        }
    }

    /**
     * The peer's Close frame: remember its code for the close report, answer it (RFC 6455 section
     * 5.5.1) unless it answers ours, and close the socket once the answer is written.
     */
    private void closeFrame(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        receivedCode = close.statusCode();
        receivedReason = close.reasonText();
        if (connection.closeSent()) {
            ctx.channel().close();
            return;
        }
        connection.markCloseSent();
        CloseWebSocketFrame answer = receivedCode == NO_CODE ? new CloseWebSocketFrame()
                : new CloseWebSocketFrame(receivedCode, receivedReason);
        ctx.channel().writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            listener.onClose(connection, receivedCode, receivedReason == null ? "" : receivedReason);
        } else {
            opened.completeExceptionally(new java.nio.channels.ClosedChannelException());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connection != null) {
            listener.onError(connection, cause);
        } else {
            opened.completeExceptionally(cause);
        }
        ctx.close();
    }
}
