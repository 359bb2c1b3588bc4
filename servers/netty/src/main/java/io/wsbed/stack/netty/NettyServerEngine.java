package io.wsbed.stack.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.net.InetSocketAddress;

/**
 * The server role: Netty's usual WebSocket pipeline ({@code HttpServerCodec},
 * {@code HttpObjectAggregator}, {@code WebSocketServerProtocolHandler}) and {@link FrameEvents}.
 */
final class NettyServerEngine implements ServerEngine {
    /** Largest upgrade request; the aggregator only ever sees the handshake. */
    private static final int MAX_HANDSHAKE_BYTES = 65_536;

    private EventLoopGroup group;
    private Channel listening;

    @Override
    public synchronized int start(ServerOptions options, ConnectionListener listener) throws InterruptedException {
        // Defaults kept (handshake timeout, frame limit, Close 1000 on Channel.close()); only what the
        // application must see is changed: the peer's Close frames and pongs (see FrameEvents).
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(options.path())
                .handleCloseFrames(false)
                .dropPongFrames(false)
                .build();
        Timeouts timeouts = new Timeouts(options.heartbeatMs(), options.heartbeatTimeoutMs(), options.idleTimeoutMs());
        group = EventLoops.start();
        listening = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                                new WebSocketServerProtocolHandler(config), new FrameEvents(listener, timeouts));
                    }
                })
                .bind(options.host(), options.port())
                .sync()
                .channel();
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /** The IdleStateHandler pings and declares the peer dead, as in the client (see {@link NettyStack#heartbeat()}). */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    @Override
    public synchronized void close() {
        if (listening != null) {
            listening.close().awaitUninterruptibly(1_000);
            listening = null;
        }
        EventLoops.stop(group);
        group = null;
    }
}
